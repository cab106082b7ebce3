namespace Onboarding.Bot.Slack;

/// <summary>Settings section <c>Slack</c>. The Slack endpoints exist only when <see cref="SigningSecret"/> is set.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The app's signing secret (Basic Information → App Credentials); every inbound request is verified with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>A bot token (<c>xoxb-…</c>) for a single-workspace install; per-workspace OAuth installs take precedence.</summary>
    public string? BotToken { get; set; }

    /// <summary>Base URL of the Web API; tests point it at a local fake Slack.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Slack's OAuth v2 authorize page, where <c>/api/slack/install</c> sends the installer.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>OAuth v2 client id, for multi-workspace installs.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth v2 client secret, for multi-workspace installs.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Bot scopes requested at install; must match the app manifest.</summary>
    public string Scopes { get; set; } = "app_mentions:read,chat:write,commands,im:history,users:read";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool IsOAuthConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
