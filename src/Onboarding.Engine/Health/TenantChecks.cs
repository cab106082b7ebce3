using System.Diagnostics;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>
/// The two checks of a tenant: the connection (client-credentials token, reused from the cache while it lasts, plus the
/// kit's connection probe) and the bundle (the bundle-check RESTlet). Failures come back classified, never thrown. The
/// caller passes the tenant's active key (the monitor reads those for a whole batch at once); the private key is decrypted
/// only when a token must be minted.
/// </summary>
public sealed class TenantChecks(
    ITenantKeyRing keys,
    IClientCredentialsTokens tokens,
    ConnectionProbe probe,
    BundleCheck bundleCheck,
    TimeProvider timeProvider)
{
    /// <summary>Who uses the tenant's key for checks, in the audit log.</summary>
    public const string KeyUser = "health-monitor";

    public Task<CheckResult> CheckConnectionAsync(AccountId account, TenantKey? activeKey, CancellationToken cancellationToken) =>
        RunAsync(account, activeKey, CheckKind.Connection, cancellationToken);

    public Task<CheckResult> CheckBundleAsync(AccountId account, TenantKey? activeKey, CancellationToken cancellationToken) =>
        RunAsync(account, activeKey, CheckKind.Bundle, cancellationToken);

    // What each kind of check asks NetSuite with a token (no delegate per check: every tenant runs one every interval).
    private async Task<NetSuiteError?> CallAsync(CheckKind kind, AccountId account, BearerToken token, CancellationToken cancellationToken)
    {
        if (kind == CheckKind.Connection)
        {
            var probed = await probe.RunAsync(account, token, cancellationToken).ConfigureAwait(false);
            return probed.IsSuccess ? null : probed.Error;
        }

        var found = await bundleCheck.CheckAsync(account, token, cancellationToken).ConfigureAwait(false);
        return found.State switch
        {
            BundleState.Installed => null,
            BundleState.NotInstalled => found.Error ?? new NetSuiteError(NetSuiteErrorKind.ScriptNotDeployed, Phrase.Of(nameof(NetSuite_BundleNotInstalled)), Code: "installed:false"),
            _ => found.Error,
        };
    }

    // The stage a kind's failure is classified at, once the token is in hand.
    private static CheckStage StageOf(CheckKind kind) => kind == CheckKind.Connection ? CheckStage.Probe : CheckStage.Bundle;

    // The common case (a cached token that works) stays in this method; minting, and telling a dead token from a dead
    // role, are MintAndCallAsync's.
    private async Task<CheckResult> RunAsync(
        AccountId account,
        TenantKey? key,
        CheckKind kind,
        CancellationToken cancellationToken)
    {
        using var span = EngineActivities.Health.HasListeners() ? EngineActivities.Health.StartActivity($"health check {kind}") : null;
        span?.SetTag(EngineTags.CheckKind, kind.ToString());
        span?.SetTag(EngineTags.Account, account.Value);
        var attempt = new Attempt(account, kind, span, timeProvider);
        if (key?.NetSuiteCertificateId is not { } certificateId)
        {
            return attempt.Result(FailureCause.NoCredential);
        }

        if (!tokens.TryGetCached(account, certificateId, out var cached))
        {
            return await MintAndCallAsync(attempt, key, null, liveTokenRefused: false, cancellationToken).ConfigureAwait(false);
        }

        var error = await CallAsync(kind, account, cached, cancellationToken).ConfigureAwait(false);
        if (error?.Kind != NetSuiteErrorKind.InvalidLogin)
        {
            return attempt.Finished(error, key);
        }

        // The cached token was refused before its expiry: mint once more to tell a dead token from a dead role.
        tokens.Invalidate(account);
        return await MintAndCallAsync(attempt, key, null, liveTokenRefused: true, cancellationToken).ConfigureAwait(false);
    }

    // Mints a token (decrypting the key) and calls with it; a fresh token refused as an invalid login is minted once more,
    // so the classification can tell a dead token from a dead role.
    private async Task<CheckResult> MintAndCallAsync(
        Attempt attempt,
        TenantKey key,
        MachineCredential? credential,
        bool liveTokenRefused,
        CancellationToken cancellationToken)
    {
        credential ??= await CredentialAsync(key, cancellationToken).ConfigureAwait(false);
        if (credential is null)
        {
            return attempt.Result(FailureCause.NoCredential);
        }

        var token = await tokens.GetAsync(credential, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            var cause = CauseClassifier.Classify(token.Error, CheckStage.Mint, key.ValidUntil, attempt.At, liveTokenRefused, attempt.Account.IsSandbox);
            return attempt.Result(cause, token.Error);
        }

        var error = await CallAsync(attempt.Kind, attempt.Account, token.Value, cancellationToken).ConfigureAwait(false);
        if (error?.Kind == NetSuiteErrorKind.InvalidLogin && !liveTokenRefused)
        {
            tokens.Invalidate(attempt.Account);
            return await MintAndCallAsync(attempt, key, credential, liveTokenRefused: true, cancellationToken).ConfigureAwait(false);
        }

        return attempt.Finished(error, key);
    }

    // Decrypted only here, and only when a token must be minted; the audit log names the monitor as the key's user.
    private async Task<MachineCredential?> CredentialAsync(TenantKey key, CancellationToken cancellationToken) =>
        await keys.CredentialAsync(key, cancellationToken).ConfigureAwait(false) is { } stored ? stored with { UsedBy = KeyUser } : null;

    // One check under way: what its result records (the account, the kind, when it started) and its span's outcome.
    private readonly struct Attempt(AccountId account, CheckKind kind, Activity? span, TimeProvider timeProvider)
    {
        private readonly long _started = timeProvider.GetTimestamp();

        public AccountId Account { get; } = account;

        public CheckKind Kind { get; } = kind;

        public DateTimeOffset At { get; } = timeProvider.GetUtcNow();

        public CheckResult Result(FailureCause? cause = null, NetSuiteError? error = null)
        {
            span?.SetTag(EngineTags.Outcome, cause?.ToString() ?? "passed");
            return new(Account, Kind, At, timeProvider.GetElapsedTime(_started), cause, error?.Said ?? error?.Code);
        }

        public CheckResult Finished(NetSuiteError? error, TenantKey key) =>
            error is null ? Result() : Result(CauseClassifier.Classify(error, StageOf(Kind), key.ValidUntil, At), error);
    }
}
