using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>
/// The two checks of a tenant: the connection (client-credentials token, reused from the cache while it lasts, plus a
/// one-row SuiteQL probe) and the bundle (the bundle-check RESTlet). Failures come back classified, never thrown. The
/// caller passes the tenant's active key (the monitor reads those for a whole batch at once); the private key is decrypted
/// only when a token must be minted.
/// </summary>
public sealed class TenantChecks(
    ITenantKeyRing keys,
    IClientCredentialsTokens tokens,
    ISuiteQlClient suiteQl,
    IRestletClient restlets,
    IOptions<HealthOptions> options,
    TimeProvider timeProvider)
{
    public Task<CheckResult> CheckConnectionAsync(AccountId account, TenantKey? activeKey, CancellationToken cancellationToken) =>
        RunAsync(account, activeKey, CheckKind.Connection, CheckStage.Probe, async (token, ct) =>
        {
            var page = await suiteQl.QueryAsync(account, token, options.Value.ProbeQuery, null, ct, limit: 1).ConfigureAwait(false);
            return page.IsSuccess ? null : page.Error;
        }, cancellationToken);

    public Task<CheckResult> CheckBundleAsync(AccountId account, TenantKey? activeKey, CancellationToken cancellationToken) =>
        RunAsync(account, activeKey, CheckKind.Bundle, CheckStage.Bundle, async (token, ct) =>
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
        TenantKey? key,
        CheckKind kind,
        CheckStage stage,
        Func<BearerToken, CancellationToken, Task<NetSuiteError?>> call,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var at = timeProvider.GetUtcNow();
        CheckResult Result(FailureCause? cause = null, NetSuiteError? error = null) =>
            new(account, kind, at, timeProvider.GetElapsedTime(started), cause, error?.Said ?? error?.Code);

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
            credential = await keys.CredentialAsync(key, cancellationToken).ConfigureAwait(false);
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
            credential ??= await keys.CredentialAsync(key, cancellationToken).ConfigureAwait(false);
            if (credential is null)
            {
                return Result(FailureCause.NoCredential);
            }

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
