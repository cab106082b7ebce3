namespace Onboarding.Bot;

/// <summary>The host's log messages (event ids 700–799). Secrets never appear in any of them, at any level.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "A Bot Framework turn failed in conversation {Conversation}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? conversation);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Database {Path} is at schema version {Version}")]
    public static partial void DatabaseReady(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Card {Slot} in {Conversation} could not be updated ({Status}); posting it anew")]
    public static partial void CardUpdateFellBack(ILogger logger, string slot, string conversation, int status);

    [LoggerMessage(EventId = 703, Level = LogLevel.Information, Message = "Bot Framework authentication is off (empty MicrosoftAppId): local anonymous mode")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(EventId = 704, Level = LogLevel.Warning, Message = "Could not tell the person that their turn failed")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 760, Level = LogLevel.Information, Message = "Health monitor started: a cycle every {CycleInterval}")]
    public static partial void HealthMonitorStarted(ILogger logger, TimeSpan cycleInterval);

    [LoggerMessage(EventId = 761, Level = LogLevel.Information, Message = "Health monitor is off (Health:Enabled is false)")]
    public static partial void HealthMonitorDisabled(ILogger logger);

    [LoggerMessage(EventId = 762, Level = LogLevel.Error, Message = "A health monitor cycle failed; the next one runs as scheduled")]
    public static partial void HealthCycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 763, Level = LogLevel.Warning, Message = "Posting to {Conversation} was refused ({Status}): the bot is no longer there")]
    public static partial void ConversationGone(ILogger logger, string conversation, int status);
}
