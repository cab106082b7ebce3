namespace Onboarding.Bot.Hosting;

/// <summary>
/// Settings section <c>Bot</c>: how the host is reached from outside and which Bot Framework channels it serves. (Staff
/// roles are the engine's <c>Onboarding:Roles</c>, one setting for every channel.)
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The address people and NetSuite reach the host at; OAuth redirects and links are built from it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>
    /// Bot Framework channels served besides Teams (<c>msteams</c>), e.g. <c>webchat</c>, <c>directline</c>, <c>emulator</c>.
    /// Empty by default: on those channels the client picks its own user id, so activities from them are refused (403)
    /// unless listed here — and even then their users never hold a staff role.
    /// </summary>
    public List<string> OtherChannels { get; set; } = [];

    /// <summary>
    /// The local demo's roles: with the Development environment, the NetSuite sandbox and no <c>MicrosoftAppId</c>, everyone
    /// chatting through <c>/api/messages</c> holds Operations and Success, so every command can be tried. Ignored in any
    /// other combination; false turns it off (to try the refusals).
    /// </summary>
    public bool LocalDemoRoles { get; set; } = true;

    /// <summary>The Teams channel id, always served.</summary>
    public const string TeamsChannel = "msteams";

    /// <summary>The Bot Framework channels accepted at <c>/api/messages</c>: Teams, then <see cref="OtherChannels"/>.</summary>
    public IReadOnlyList<string> ServedChannels => [TeamsChannel, .. OtherChannels.Where(c => !string.Equals(c, TeamsChannel, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The NetSuite OAuth redirect URI: <c>{PublicBaseUrl}/oauth/netsuite/callback</c>.</summary>
    public Uri OAuthRedirectUri => new(new Uri(PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute), "oauth/netsuite/callback");
}
