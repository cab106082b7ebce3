namespace Onboarding.NetSuiteSandbox;

/// <summary>The sandbox's log messages (EventIds 900–999). Tokens, assertions and codes never reach them.</summary>
internal static partial class Log
{
    [LoggerMessage(900, LogLevel.Information, "NetSuite sandbox listening on {BaseAddress} with accounts {Accounts}")]
    public static partial void Listening(ILogger logger, string baseAddress, string accounts);

    [LoggerMessage(901, LogLevel.Information, "Token request refused for account {AccountId} (grant {GrantType}): {Error}, audit detail {AuditDetail}")]
    public static partial void TokenRefused(ILogger logger, string accountId, string grantType, string error, string auditDetail);

    [LoggerMessage(902, LogLevel.Information, "Bearer refused for account {AccountId} on {Path}: audit detail {AuditDetail}")]
    public static partial void BearerRefused(ILogger logger, string accountId, string path, string auditDetail);

    [LoggerMessage(903, LogLevel.Information, "Bundle {BundleId} installed in account {AccountId}")]
    public static partial void BundleInstalled(ILogger logger, string accountId, int bundleId);

    [LoggerMessage(904, LogLevel.Information, "Injected fault {FaultId} applied to {Path}")]
    public static partial void FaultApplied(ILogger logger, string faultId, string path);

    [LoggerMessage(905, LogLevel.Information, "Sandbox clock advanced by {Seconds} s")]
    public static partial void ClockAdvanced(ILogger logger, double seconds);

    [LoggerMessage(907, LogLevel.Information, "Sandbox state restored from {Path} (saved {SavedAt:u}); delete the file to start afresh")]
    public static partial void StateRestored(ILogger logger, string path, DateTimeOffset savedAt);

    [LoggerMessage(908, LogLevel.Information, "Sandbox state starts afresh from the seed and is kept in {Path}")]
    public static partial void StateCreated(ILogger logger, string path);

    [LoggerMessage(909, LogLevel.Warning, "Sandbox state in {Path}: skipped {What}")]
    public static partial void StateSkipped(ILogger logger, string path, string what);

    [LoggerMessage(906, LogLevel.Warning, "Sandbox test control is enabled: anyone reaching {BaseAddress}/_sandbox can break its accounts")]
    public static partial void TestControlEnabled(ILogger logger, string baseAddress);
}
