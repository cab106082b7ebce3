namespace Onboarding.Bot;

/// <summary>The host's log messages (Slack 500–599, host 700–799). Secrets never appear in any of them, at any level.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "A Bot Framework turn failed in conversation {Conversation}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? conversation);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "{Database} is at schema version {Version}")]
    public static partial void DatabaseReady(ILogger logger, string database, int version);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Card {Slot} in {Conversation} could not be updated ({Status}); posting it anew")]
    public static partial void CardUpdateFellBack(ILogger logger, string slot, string conversation, int status);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "Bot Framework authentication is off (empty MicrosoftAppId): local anonymous mode")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(EventId = 704, Level = LogLevel.Warning, Message = "Could not tell the person that their turn failed")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "NetSuite sandbox running in-process at {SandboxBase} (NetSuite:Mode Sandbox). Demo accounts {Account} (OneWorld, at {AccountBase}) and {SecondAccount} (not OneWorld): sign in as the administrator, keep the Administrator role, then install bundle 500123 from the install page the card links to")]
    public static partial void SandboxReady(ILogger logger, string sandboxBase, string account, string accountBase, string secondAccount);

    [LoggerMessage(EventId = 711, Level = LogLevel.Information, Message = "Bot endpoint {Endpoint}. Chat with it in the Microsoft 365 Agents Playground: {PlaygroundCommand} — then type onboard 1234567_SB1 (or onboard 7654321)")]
    public static partial void TryItLocally(ILogger logger, string endpoint, string playgroundCommand);

    [LoggerMessage(EventId = 712, Level = LogLevel.Warning, Message = "The OAuth redirect URI {RedirectUri} is not registered on the sandbox's demo integration ({Registered}): set Bot:PublicBaseUrl to http://localhost:3978 or http://127.0.0.1:3978, or give the sandbox a seed file (Sandbox:SeedFile)")]
    public static partial void SandboxRedirectMismatch(ILogger logger, string redirectUri, string registered);


    [LoggerMessage(EventId = 715, Level = LogLevel.Information, Message = "NetSuite OAuth callback answered: {Outcome}")]
    public static partial void OAuthCallbackAnswered(ILogger logger, string outcome);

    [LoggerMessage(EventId = 716, Level = LogLevel.Warning, Message = "NetSuite OAuth callback refused before reaching the engine: {Reason}")]
    public static partial void OAuthCallbackRefused(ILogger logger, string reason);

    // Slack channel (500–599).
    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "Refused a Slack request to {Path}: {Reason}")]
    public static partial void SlackRequestRefused(ILogger logger, PathString path, string reason);



    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "Slack Web API {Method} failed: {Error} (HTTP {Status})")]
    public static partial void SlackApiCallFailed(ILogger logger, string method, string error, int status);

    [LoggerMessage(EventId = 505, Level = LogLevel.Debug, Message = "Ignored Slack payload: {Reason}")]
    public static partial void SlackPayloadIgnored(ILogger logger, string reason);

    [LoggerMessage(EventId = 506, Level = LogLevel.Information, Message = "Slack app installed in team {TeamId} by {UserId}")]
    public static partial void SlackAppInstalled(ILogger logger, string teamId, string userId);

    [LoggerMessage(EventId = 507, Level = LogLevel.Warning, Message = "Slack install callback refused: {Reason}")]
    public static partial void SlackInstallRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 508, Level = LogLevel.Information, Message = "Slack app uninstalled from team {TeamId}; its token was erased")]
    public static partial void SlackAppUninstalled(ILogger logger, string teamId);

    [LoggerMessage(EventId = 509, Level = LogLevel.Information, Message = "Slack card for slot {Slot} was gone; posted a new one")]
    public static partial void SlackCardReposted(ILogger logger, string slot);

    [LoggerMessage(EventId = 511, Level = LogLevel.Information, Message = "Slack did not tell a member's locale in team {TeamId} ({Error}); answering in the conversation's known language, else English (the users:read scope is needed)")]
    public static partial void SlackLocaleUnknown(ILogger logger, string teamId, string error);

    [LoggerMessage(EventId = 730, Level = LogLevel.Warning, Message = "The Data Protection key ring ({KeyRing}) is not encrypted at rest: whoever reads it can decrypt every stored secret. Set DataProtection:Certificate:Path (with Password) or DataProtection:Certificate:Thumbprint (docs/storage.md)")]
    public static partial void KeyRingUnprotected(ILogger logger, string keyRing);

    [LoggerMessage(EventId = 731, Level = LogLevel.Information, Message = "The Data Protection key ring ({KeyRing}) is encrypted with certificate {Thumbprint}, valid until {NotAfter:yyyy-MM-dd}")]
    public static partial void KeyRingProtected(ILogger logger, string keyRing, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Refused an activity whose channel token did not validate ({Reason})")]
    public static partial void ChannelTokenRejected(ILogger logger, string reason);

    // Edge security (740–749).
    [LoggerMessage(EventId = 740, Level = LogLevel.Warning, Message = "LOCAL DEMO: everyone chatting through /api/messages holds the Operations and Success roles (Development environment, NetSuite sandbox, no MicrosoftAppId). Never run like this where anyone else can reach the port; set Bot:LocalDemoRoles=false to try the refusals")]
    public static partial void LocalDemoRolesGranted(ILogger logger);

    [LoggerMessage(EventId = 741, Level = LogLevel.Warning, Message = "Refused an activity: {Reason}")]
    public static partial void ActivityRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 742, Level = LogLevel.Error, Message = "Could not check a channel token: the Bot Framework's OpenID metadata is unreachable ({Reason}); answered 503")]
    public static partial void ChannelMetadataUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 743, Level = LogLevel.Warning, Message = "Refused a request to {Path}: its body is declared longer than {Limit} bytes")]
    public static partial void RequestBodyTooLarge(ILogger logger, PathString path, long limit);

    [LoggerMessage(EventId = 744, Level = LogLevel.Information, Message = "Staff roles: {Operations} Operations and {Success} Success entries (Onboarding:Roles)")]
    public static partial void StaffRolesConfigured(ILogger logger, int operations, int success);

    [LoggerMessage(EventId = 745, Level = LogLevel.Warning, Message = "{Key} names a Teams user whose tenant or object id is not a GUID; Entra ids are GUIDs (the tenant id and the user's aadObjectId), so it will match nobody")]
    public static partial void StaffEntryNotEntraIds(ILogger logger, string key);

    [LoggerMessage(EventId = 760, Level = LogLevel.Information, Message = "Health monitor started: a cycle every {CycleInterval}")]
    public static partial void HealthMonitorStarted(ILogger logger, TimeSpan cycleInterval);

    [LoggerMessage(EventId = 761, Level = LogLevel.Information, Message = "Health monitor is off (Health:Enabled is false)")]
    public static partial void HealthMonitorDisabled(ILogger logger);

    [LoggerMessage(EventId = 762, Level = LogLevel.Error, Message = "A health monitor cycle failed; the next one runs as scheduled")]
    public static partial void HealthCycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 763, Level = LogLevel.Warning, Message = "Posting to {Conversation} was refused ({Status}): the bot is no longer there")]
    public static partial void ConversationGone(ILogger logger, string conversation, int status);

    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Retention is off (Retention:Enabled is false): nothing is pruned")]
    public static partial void RetentionDisabled(ILogger logger);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Error, Message = "A retention run failed; the next one runs as scheduled")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 780, Level = LogLevel.Information, Message = "Admin access sweep running: admin tokens end at consent + Onboarding:AdminAccessLifetime ({Lifetime})")]
    public static partial void AdminAccessSweepStarted(ILogger logger, TimeSpan lifetime);

    [LoggerMessage(EventId = 781, Level = LogLevel.Error, Message = "An admin access sweep failed; the next one runs within a minute")]
    public static partial void AdminAccessSweepCycleFailed(ILogger logger, Exception exception);
}
