using Microsoft.Extensions.Logging;
using Onboarding.Engine.Health;
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

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "NetSuite HTTP {Method} {Url} answered {Status} in {ElapsedMilliseconds:0} ms")]
    public static partial void NetSuiteHttpAttempt(ILogger logger, string method, string url, int status, double elapsedMilliseconds);

    [LoggerMessage(EventId = 206, Level = LogLevel.Debug, Message = "NetSuite HTTP {Method} {Url} failed with {ExceptionType} after {ElapsedMilliseconds:0} ms")]
    public static partial void NetSuiteHttpAttemptFailed(ILogger logger, string method, string url, string exceptionType, double elapsedMilliseconds);

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Onboarding {SessionId} for {Account} moved to {Step}/{Status}")]
    public static partial void SessionMoved(ILogger logger, string sessionId, string? account, string step, string status);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Onboarding {SessionId} was changed by someone else first; showing the current state")]
    public static partial void SessionConflict(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Could not publish the card of onboarding {SessionId}; the state is saved and the next update re-draws it")]
    public static partial void CardPublishFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Onboarding {SessionId} step {Step} failed: {Code}")]
    public static partial void StepFailed(ILogger logger, string sessionId, string step, string code);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Revoking the admin tokens of onboarding {SessionId} at NetSuite failed ({Code}); they are erased here and lapse within the hour")]
    public static partial void AdminRevokeFailed(ILogger logger, string sessionId, string code);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Authorization callback refused: {Reason}")]
    public static partial void CallbackRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Adopted certificate {CertificateId} already in NetSuite for {Account} instead of uploading again")]
    public static partial void CertificateReconciled(ILogger logger, string certificateId, string account);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information, Message = "Post-install routine {Routine} for {Account}: {Outcome}")]
    public static partial void RoutineFinished(ILogger logger, string routine, string account, string outcome);

    [LoggerMessage(EventId = 308, Level = LogLevel.Information, Message = "Repeated delivery {DeliveryId} ignored")]
    public static partial void RepeatedDelivery(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 309, Level = LogLevel.Information, Message = "Tenant {Account} offboarded: {Outcome}")]
    public static partial void TenantOffboarded(ILogger logger, string account, string outcome);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Resumed {Count} interrupted onboarding(s)")]
    public static partial void OnboardingsResumed(ILogger logger, int count);

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "Resuming interrupted onboardings failed; trying again in a minute")]
    public static partial void ResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 312, Level = LogLevel.Information, Message = "Re-authorization of {Account} for {Purpose} finished; succeeded: {Succeeded}; admin token revoked and erased")]
    public static partial void ReauthorizationFinished(ILogger logger, string account, string purpose, bool succeeded);

    [LoggerMessage(EventId = 313, Level = LogLevel.Warning, Message = "Could not publish the card of re-authorization {ReauthorizationId}; the state is saved")]
    public static partial void ReauthorizationCardFailed(ILogger logger, string reauthorizationId, Exception exception);

    [LoggerMessage(EventId = 330, Level = LogLevel.Information, Message = "Admin access of onboarding {SessionId} ({Account}) reached its deadline {Deadline}: revoked and erased by the sweep")]
    public static partial void AdminAccessSwept(ILogger logger, string sessionId, string? account, DateTimeOffset deadline);

    [LoggerMessage(EventId = 331, Level = LogLevel.Error, Message = "Ending the admin access of onboarding {SessionId} failed; the sweep tries again")]
    public static partial void AdminAccessSweepFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(EventId = 332, Level = LogLevel.Information, Message = "Pre-flight of onboarding {SessionId} ({Account}) found {Count} gap(s) in what the signed-in role can do")]
    public static partial void PreflightGaps(ILogger logger, string sessionId, string? account, int count);

    [LoggerMessage(EventId = 333, Level = LogLevel.Information, Message = "Connect again for {Account} requested by {UserId}: new onboarding {SessionId}")]
    public static partial void ReconnectStarted(ILogger logger, string account, string userId, string sessionId);

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Health check ({Kind}) of {Account} failed: {Cause} ({Said})")]
    public static partial void HealthCheckFailed(ILogger logger, CheckKind kind, AccountId account, FailureCause cause, string? said);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Health of {Account}: {From} -> {To} ({Transition})")]
    public static partial void HealthChanged(ILogger logger, AccountId account, HealthState from, HealthState to, HealthTransition transition);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Alerts to {Conversation} stopped: the bot can no longer post there ({Reason})")]
    public static partial void AlertSubscriptionDisabled(ILogger logger, string conversation, string reason);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Could not deliver a {Kind} alert to {Conversation}; will try again with the next alert")]
    public static partial void AlertDeliveryFailed(ILogger logger, Exception exception, AlertKind kind, string conversation);

    [LoggerMessage(EventId = 604, Level = LogLevel.Error, Message = "Checking {Account} failed unexpectedly; the monitor carries on with the other tenants")]
    public static partial void TenantCheckCrashed(ILogger logger, Exception exception, AccountId account);

    [LoggerMessage(EventId = 605, Level = LogLevel.Error, Message = "A health monitor cycle failed; the next cycle runs as scheduled")]
    public static partial void MonitorCycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 606, Level = LogLevel.Information, Message = "Alerts {Change} for {Conversation} by {UserId}")]
    public static partial void AlertSubscriptionChanged(ILogger logger, string change, string conversation, string userId);

    [LoggerMessage(EventId = 607, Level = LogLevel.Information, Message = "Certificate rotation for {Account} started ({Reason})")]
    public static partial void RotationStarted(ILogger logger, AccountId account, string reason);

    [LoggerMessage(EventId = 608, Level = LogLevel.Information, Message = "Certificate rotation for {Account} done: {NewCertificateId} active until {ValidUntil}, {OldCertificateId} revoked")]
    public static partial void RotationSucceeded(ILogger logger, AccountId account, string newCertificateId, DateTimeOffset validUntil, string? oldCertificateId);

    [LoggerMessage(EventId = 609, Level = LogLevel.Warning, Message = "Certificate rotation for {Account} stopped at {Stage}: {Kind} ({Said})")]
    public static partial void RotationFailed(ILogger logger, AccountId account, string stage, NetSuiteErrorKind kind, string? said);

    [LoggerMessage(EventId = 610, Level = LogLevel.Debug, Message = "Pruned {Count} health check results older than {Cutoff}")]
    public static partial void HealthResultsPruned(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "Could not revoke the replaced certificate {CertificateId} of {Account} ({Said}); the next rotation retries")]
    public static partial void OldCertificateNotRevoked(ILogger logger, AccountId account, string certificateId, string? said);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Could not release the lease on {Scope} {Item}; it runs out by itself")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception, string scope, string item);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "The lease on {Scope} {Item} held by {Holder} ran out before it was renewed; the work under it is stopped")]
    public static partial void LeaseLost(ILogger logger, string scope, string item, string holder);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Could not renew the lease on {Scope} {Item}")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string scope, string item);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "A {Channel} command was refused as busy: {Backlog} commands wait in the inbox, or the database is not keeping up")]
    public static partial void InboxBusy(ILogger logger, string channel, long backlog);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Error, Message = "Inbox row {Id} holds no readable command ({ExceptionType}); it is dropped")]
    public static partial void InboxRowUnreadable(ILogger logger, long id, string exceptionType);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Error, Message = "Command {Verb} in {Conversation} was under way each of the {Attempts} times its instance stopped; it is given up")]
    public static partial void InboxCommandAbandoned(ILogger logger, string verb, string conversation, int attempts);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Warning, Message = "Command {Verb} is dropped: the bot can no longer post in {Conversation} ({Reason})")]
    public static partial void InboxConversationGone(ILogger logger, string verb, string conversation, string reason);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Error, Message = "Command {Verb} in {Conversation} failed on its run {Attempts}, the last allowed; the person is told")]
    public static partial void InboxCommandFailed(ILogger logger, Exception exception, string verb, string conversation, int attempts);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Warning, Message = "Command {Verb} in {Conversation} failed on its run {Attempts}; it runs again in {Delay}")]
    public static partial void InboxCommandRetrying(ILogger logger, Exception exception, string verb, string conversation, int attempts, TimeSpan delay);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Warning, Message = "Inbox row {Id} was no longer held by this instance when its command finished (its lease had run out)")]
    public static partial void InboxClaimLost(ILogger logger, long id);

    [LoggerMessage(EventId = 1217, Level = LogLevel.Warning, Message = "Could not tell {Conversation} that its command failed")]
    public static partial void InboxApologyFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(EventId = 1218, Level = LogLevel.Warning, Message = "The command inbox could not reach the database; trying again shortly")]
    public static partial void InboxStorageFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1230, Level = LogLevel.Warning, Message = "The claim on {Account} ran out before its check was stored; the instance that took it over decides instead")]
    public static partial void HealthClaimLost(ILogger logger, AccountId account);

    [LoggerMessage(EventId = 1231, Level = LogLevel.Warning, Message = "{Count} check results were not stored: their claims ran out and other instances took the tenants over")]
    public static partial void HealthClaimsLost(ILogger logger, int count);
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Retention: removed {Count} rows of {Table} older than {Cutoff}")]
    public static partial void RetentionPruned(ILogger logger, string table, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Tenant {Account} erased by {Actor}: {Summary}")]
    public static partial void TenantErased(ILogger logger, string account, string actor, string summary);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "The database's freed space could not be cleared completely after erasing {Account} (a reader held the write-ahead log); the next checkpoint clears it")]
    public static partial void ErasureResidueRemains(ILogger logger, string account);
}
