namespace Onboarding.Bot.Hosting;

/// <summary>Settings section <c>Bot</c>: how the host is reached from outside and who counts as the vendor's staff.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The address people and NetSuite reach the host at; OAuth redirects and links are built from it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>Chat user ids (AAD object ids, Slack user ids) allowed to run staff commands.</summary>
    public IList<string> StaffUserIds { get; set; } = [];

    /// <summary>The vendor app's name as shown on cards ("I connect your NetSuite account to ‹AppName›").</summary>
    public string AppName { get; set; } = "our app";

    /// <summary>The NetSuite OAuth redirect URI: <c>{PublicBaseUrl}/oauth/netsuite/callback</c>.</summary>
    public Uri OAuthRedirectUri => new(new Uri(PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute), "oauth/netsuite/callback");

    /// <summary>True when <paramref name="userId"/> is on the staff allow-list.</summary>
    public bool IsStaff(string userId) => StaffUserIds.Contains(userId, StringComparer.Ordinal);
}
