using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>Mints a fresh client-credentials token from the stored key (no cache) and runs a query with it: the connection works end to end.</summary>
public sealed class FinalConnectivityCheckRoutine(TenantKeyStore keys, AuditedMachineTokens machineTokens, ISuiteQlClient suiteQl, TimeProvider timeProvider)
    : IPostInstallRoutine
{
    public const string RoutineName = "final-connectivity-check";

    public string Name => RoutineName;

    public string Label => "Final connection check";

    public async Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken)
    {
        var credential = await keys.ActiveCredentialAsync(context.Account, cancellationToken).ConfigureAwait(false);
        if (credential is null)
        {
            return RoutineResult.Failed("no active key is stored for this account");
        }

        var token = await machineTokens.GetAsync(credential, Name, fresh: true, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return RoutineResult.Failed("NetSuite refused a fresh client-credentials token", token.Error);
        }

        var started = timeProvider.GetTimestamp();
        var probe = await suiteQl.QueryAsync(context.Account, token.Value, "SELECT id FROM role WHERE id = ?", [context.AppRoleId.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        return probe.IsSuccess
            ? RoutineResult.Done($"Connected: fresh token and query in {elapsed} ms")
            : RoutineResult.Failed("the test query failed", probe.Error);
    }
}
