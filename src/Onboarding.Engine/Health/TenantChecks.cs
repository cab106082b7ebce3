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
        RunAsync(account, activeKey, CheckKind.Connection, CheckStage.Probe, async (token, ct) =>
        {
            var probed = await probe.RunAsync(account, token, ct).ConfigureAwait(false);
            return probed.IsSuccess ? null : probed.Error;
        }, cancellationToken);

    public Task<CheckResult> CheckBundleAsync(AccountId account, TenantKey? activeKey, CancellationToken cancellationToken) =>
        RunAsync(account, activeKey, CheckKind.Bundle, CheckStage.Bundle, async (token, ct) =>
        {
            var found = await bundleCheck.CheckAsync(account, token, ct).ConfigureAwait(false);
            return found.State switch
            {
                BundleState.Installed => null,
                BundleState.NotInstalled => found.Error ?? new NetSuiteError(NetSuiteErrorKind.ScriptNotDeployed, Phrase.Of(nameof(NetSuite_BundleNotInstalled)), Code: "installed:false"),
                _ => found.Error,
            };
        }, cancellationToken);

    private async Task<CheckResult> RunAsync(
        AccountId account,
        TenantKey? key,
        CheckKind kind,
        CheckStage stage,
        Func<BearerToken, CancellationToken, Task<NetSuiteError?>> call,
        CancellationToken cancellationToken)
    {
        using var span = EngineActivities.Health.HasListeners() ? EngineActivities.Health.StartActivity($"health check {kind}") : null;
        span?.SetTag(EngineTags.CheckKind, kind.ToString());
        span?.SetTag(EngineTags.Account, account.Value);
        var started = timeProvider.GetTimestamp();
        var at = timeProvider.GetUtcNow();
        CheckResult Result(FailureCause? cause = null, NetSuiteError? error = null)
        {
            span?.SetTag(EngineTags.Outcome, cause?.ToString() ?? "passed");
            return new(account, kind, at, timeProvider.GetElapsedTime(started), cause, error?.Said ?? error?.Code);
        }

        if (key?.NetSuiteCertificateId is not { } certificateId)
        {
            return Result(FailureCause.NoCredential);
        }

        MachineCredential? credential = null;
        NetSuiteResult<BearerToken> token;
        if (tokens.TryGetCached(account, certificateId, out var cached))
        {
            token = NetSuiteResult<BearerToken>.Success(cached);
        }
        else
        {
            credential = await CredentialAsync(key, cancellationToken).ConfigureAwait(false);
            if (credential is null)
            {
                return Result(FailureCause.NoCredential);
            }

            token = await tokens.GetAsync(credential, cancellationToken).ConfigureAwait(false);
            if (!token.IsSuccess)
            {
                return Result(CauseClassifier.Classify(token.Error, CheckStage.Mint, key.ValidUntil, at), token.Error);
            }
        }

        var error = await call(token.Value, cancellationToken).ConfigureAwait(false);
        if (error?.Kind == NetSuiteErrorKind.InvalidLogin)
        {
            // The cached token was refused before its expiry: mint once more to tell a dead token from a dead role.
            tokens.Invalidate(account);
            credential ??= await CredentialAsync(key, cancellationToken).ConfigureAwait(false);
            if (credential is null)
            {
                return Result(FailureCause.NoCredential);
            }

            token = await tokens.GetAsync(credential, cancellationToken).ConfigureAwait(false);
            if (!token.IsSuccess)
            {
                return Result(CauseClassifier.Classify(token.Error, CheckStage.Mint, key.ValidUntil, at, liveTokenRefused: true, sandboxAccount: account.IsSandbox), token.Error);
            }

            error = await call(token.Value, cancellationToken).ConfigureAwait(false);
        }

        return error is null ? Result() : Result(CauseClassifier.Classify(error, stage, key.ValidUntil, at), error);
    }

    // Decrypted only here, and only when a token must be minted; the audit log names the monitor as the key's user.
    private async Task<MachineCredential?> CredentialAsync(TenantKey key, CancellationToken cancellationToken) =>
        await keys.CredentialAsync(key, cancellationToken).ConfigureAwait(false) is { } stored ? stored with { UsedBy = KeyUser } : null;
}
