namespace Onboarding.Bot.Hosting;

/// <summary>
/// Settings section <c>Bot</c>: how the host is reached from outside. (The staff allow-list is the engine's
/// <c>Onboarding:StaffUserIds</c>: one list for every channel.)
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The address people and NetSuite reach the host at; OAuth redirects and links are built from it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>The vendor app's name as shown on cards ("I connect your NetSuite account to ‹AppName›").</summary>
    public string AppName { get; set; } = "our app";

    /// <summary>The NetSuite OAuth redirect URI: <c>{PublicBaseUrl}/oauth/netsuite/callback</c>.</summary>
    public Uri OAuthRedirectUri => new(new Uri(PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute), "oauth/netsuite/callback");
}
