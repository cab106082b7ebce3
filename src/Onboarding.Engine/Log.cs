using Microsoft.Extensions.Logging;

namespace Onboarding.Engine;

/// <summary>The engine's log messages. Secrets never appear in any of them, at any level.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Applied schema migration {Version}: {Name}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);
}
