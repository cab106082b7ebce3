using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>
/// The two checks of a tenant: the connection (client-credentials token, reused from the cache while it lasts, plus the
/// kit's connection probe) and the bundle (the bundle-check RESTlet). Failures come back classified, never thrown.
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

    public Task<CheckResult> CheckConnectionAsync(AccountId account, CancellationToken cancellationToken) =>
        RunAsync(account, CheckKind.Connection, CheckStage.Probe, async (token, ct) =>
        {
            var probed = await probe.RunAsync(account, token, ct).ConfigureAwait(false);
            return probed.IsSuccess ? null : probed.Error;
        }, cancellationToken);

    public Task<CheckResult> CheckBundleAsync(AccountId account, CancellationToken cancellationToken) =>
        RunAsync(account, CheckKind.Bundle, CheckStage.Bundle, async (token, ct) =>
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
        CheckKind kind,
        CheckStage stage,
        Func<BearerToken, CancellationToken, Task<NetSuiteError?>> call,
        CancellationToken cancellationToken)
    {
        using var span = EngineActivities.Health.StartActivity($"health check {kind}");
        span?.SetTag(EngineTags.CheckKind, kind.ToString());
        span?.SetTag(EngineTags.Account, account.Value);
        var started = timeProvider.GetTimestamp();
        var at = timeProvider.GetUtcNow();
        CheckResult Result(FailureCause? cause = null, NetSuiteError? error = null)
        {
            span?.SetTag(EngineTags.Outcome, cause?.ToString() ?? "passed");
            return new(account, kind, at, timeProvider.GetElapsedTime(started), cause, error?.Said ?? error?.Code);
        }

        var key = await keys.ActiveKeyAsync(account, cancellationToken).ConfigureAwait(false);
        var stored = key is null ? null : await keys.CredentialAsync(key, cancellationToken).ConfigureAwait(false);
        if (key is null || stored is null)
        {
            return Result(FailureCause.NoCredential);
        }

        var credential = stored with { UsedBy = KeyUser };

        var token = await tokens.GetAsync(credential, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return Result(CauseClassifier.Classify(token.Error, CheckStage.Mint, key.ValidUntil, at), token.Error);
        }

        var error = await call(token.Value, cancellationToken).ConfigureAwait(false);
        if (error?.Kind == NetSuiteErrorKind.InvalidLogin)
        {
            // The cached token was refused before its expiry: mint once more to tell a dead token from a dead role.
            tokens.Invalidate(account);
            token = await tokens.GetAsync(credential, cancellationToken).ConfigureAwait(false);
            if (!token.IsSuccess)
            {
                return Result(CauseClassifier.Classify(token.Error, CheckStage.Mint, key.ValidUntil, at, liveTokenRefused: true, sandboxAccount: account.IsSandbox), token.Error);
            }

            error = await call(token.Value, cancellationToken).ConfigureAwait(false);
        }

        return error is null ? Result() : Result(CauseClassifier.Classify(error, stage, key.ValidUntil, at), error);
    }
}
