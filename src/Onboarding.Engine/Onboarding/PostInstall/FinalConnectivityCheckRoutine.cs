using Onboarding.Engine.Kit;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>Mints a fresh client-credentials token from the stored key (no cache) and runs the connection probe with it: the connection works end to end.</summary>
public sealed class FinalConnectivityCheckRoutine(TenantKeyStore keys, AuditedMachineTokens machineTokens, ConnectionProbe probe) : IPostInstallRoutine
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

        var probed = await probe.RunAsync(context.Account, token.Value, cancellationToken).ConfigureAwait(false);
        return probed.IsSuccess
            ? RoutineResult.Done($"Connected: fresh token and query in {(long)probed.Value.TotalMilliseconds} ms")
            : RoutineResult.Failed("the test query failed", probed.Error);
    }
}
