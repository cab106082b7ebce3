namespace Onboarding.Bot.Teams;

/// <summary>
/// The Bot Framework's conventional root-level keys, bound here only to check them at start-up;
/// <c>ConfigurationBotFrameworkAuthentication</c> reads the same keys itself.
/// </summary>
public sealed class MicrosoftAppOptions
{
    /// <summary><c>MultiTenant</c> (or empty), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Entra app (client) id; empty means local anonymous mode.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>True when no app id is set: inbound requests are not authenticated and replies carry no token.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The bot's app id as proactive calls need it; empty in anonymous mode.</summary>
    public string BotAppId => MicrosoftAppId?.Trim() ?? string.Empty;
}
