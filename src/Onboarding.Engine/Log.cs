using Microsoft.Extensions.Logging;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine;

/// <summary>The engine's log messages. Secrets never appear in any of them, at any level.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Applied schema migration {Version}: {Name}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "NetSuite {Operation} for account {Account} failed: {Kind} (status {Status}, code {Code})")]
    public static partial void NetSuiteCallFailed(ILogger logger, string operation, AccountId account, NetSuiteErrorKind kind, int? status, string? code);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "NetSuite authorization started for account {Account}")]
    public static partial void AuthorizationStarted(ILogger logger, string account);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "NetSuite {Operation} for account {Account} succeeded")]
    public static partial void TokenCallSucceeded(ILogger logger, string operation, AccountId account);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Client-credentials token for account {Account} cached until {RenewAt}")]
    public static partial void ClientCredentialsTokenCached(ILogger logger, AccountId account, DateTimeOffset renewAt);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Created {Algorithm} key pair and certificate for account {Account}, valid until {NotAfter}")]
    public static partial void KeyMaterialCreated(ILogger logger, KeyAlgorithm algorithm, string account, DateTimeOffset notAfter);
}
