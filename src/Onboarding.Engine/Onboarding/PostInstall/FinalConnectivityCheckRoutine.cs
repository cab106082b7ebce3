using Onboarding.Engine.Kit;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>Mints a fresh client-credentials token from the stored key (no cache) and runs the connection probe with it: the connection works end to end.</summary>
public sealed class FinalConnectivityCheckRoutine(TenantKeyStore keys, AuditedMachineTokens machineTokens, ConnectionProbe probe) : IPostInstallRoutine
{
    public const string RoutineName = "final-connectivity-check";

    public string Name => RoutineName;

    public Phrase Label { get; } = Phrase.Of(nameof(Routine_FinalCheck));

    public async Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken)
    {
        var credential = await keys.ActiveCredentialAsync(context.Account, cancellationToken).ConfigureAwait(false);
        if (credential is null)
        {
            return RoutineResult.Failed(Phrase.Of(nameof(Routine_FinalCheckNoKey)));
        }

        var token = await machineTokens.GetAsync(credential, Name, fresh: true, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return RoutineResult.Failed(Phrase.Of(nameof(Routine_FinalCheckTokenRefused)), token.Error);
        }

        var probed = await probe.RunAsync(context.Account, token.Value, cancellationToken).ConfigureAwait(false);
        return probed.IsSuccess
            ? RoutineResult.Done(Phrase.Of(nameof(Routine_FinalCheckDone), (long)probed.Value.TotalMilliseconds))
            : RoutineResult.Failed(Phrase.Of(nameof(Routine_FinalCheckQueryFailed)), probed.Error);
    }
}
