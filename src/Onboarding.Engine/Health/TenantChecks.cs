using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>
/// The two checks of a tenant: the connection (client-credentials token, reused from the cache while it lasts, plus a
/// one-row SuiteQL probe) and the bundle (the bundle-check RESTlet). Failures come back classified, never thrown.
/// </summary>
public sealed class TenantChecks(
    ITenantKeyRing keys,
    IClientCredentialsTokens tokens,
    ISuiteQlClient suiteQl,
    IRestletClient restlets,
    IOptions<HealthOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>Who uses the tenant's key for checks, in the audit log.</summary>
    public const string KeyUser = "health-monitor";

    public Task<CheckResult> CheckConnectionAsync(AccountId account, CancellationToken cancellationToken) =>
        RunAsync(account, CheckKind.Connection, CheckStage.Probe, async (token, ct) =>
        {
            var page = await suiteQl.QueryAsync(account, token, options.Value.ProbeQuery, null, ct, limit: 1).ConfigureAwait(false);
            return page.IsSuccess ? null : page.Error;
        }, cancellationToken);

    public Task<CheckResult> CheckBundleAsync(AccountId account, CancellationToken cancellationToken) =>
        RunAsync(account, CheckKind.Bundle, CheckStage.Bundle, async (token, ct) =>
        {
            var settings = options.Value;
            var query = new Dictionary<string, string> { ["bundleId"] = settings.BundleId.ToString(CultureInfo.InvariantCulture) };
            var answer = await restlets.GetAsync(account, token, new RestletId(settings.BundleCheckScript, settings.BundleCheckDeployment), query, ct).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                return answer.Error;
            }

            return answer.Value.ValueKind == JsonValueKind.Object
                && answer.Value.TryGetProperty("installed", out var installed)
                && installed.ValueKind == JsonValueKind.False
                    ? new NetSuiteError(NetSuiteErrorKind.ScriptNotDeployed, "The bundle-check RESTlet says the bundle is not installed.", Code: "installed:false")
                    : null;
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
                return Result(CauseClassifier.Classify(token.Error, CheckStage.Mint, key.ValidUntil, at, liveTokenRefused: true), token.Error);
            }

            error = await call(token.Value, cancellationToken).ConfigureAwait(false);
        }

        return error is null ? Result() : Result(CauseClassifier.Classify(error, stage, key.ValidUntil, at), error);
    }
}
