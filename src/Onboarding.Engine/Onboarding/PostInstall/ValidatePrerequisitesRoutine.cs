using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>
/// Checks, as the app's own role, what the app needs day to day and nothing more: it can read its configuration records,
/// the bundle's RESTlet answers it (so the role is not web-services-only and is in the deployment's audience), and the
/// certificate endpoint is open to it (so certificates can later be renewed without an admin).
/// </summary>
public sealed class ValidatePrerequisitesRoutine(ConnectionProbe probe, BundleCheck bundleCheck, ICertificateClient certificates) : IPostInstallRoutine
{
    public const string RoutineName = "validate-prerequisites";

    public string Name => RoutineName;

    public Phrase Label { get; } = Phrase.Of(nameof(Routine_Prerequisites));

    public async Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken)
    {
        var probed = await probe.RunAsync(context.Account, context.MachineToken, cancellationToken).ConfigureAwait(false);
        if (!probed.IsSuccess)
        {
            return RoutineResult.Failed(Phrase.Of(nameof(Routine_PrerequisitesNoRecords)), probed.Error);
        }

        var bundle = await bundleCheck.CheckAsync(context.Account, context.MachineToken, cancellationToken).ConfigureAwait(false);
        switch (bundle.State)
        {
            case BundleState.Failed:
                return RoutineResult.Failed(Phrase.Of(nameof(Routine_PrerequisitesNoRestlet)), bundle.Error);
            case BundleState.NotInstalled:
                return RoutineResult.Failed(Phrase.Of(nameof(Routine_PrerequisitesNoBundle)), bundle.Error);
        }

        var listed = await certificates.ListAsync(context.Account, context.MachineToken, cancellationToken).ConfigureAwait(false);
        return listed.IsSuccess
            ? RoutineResult.Done(Phrase.Of(nameof(Routine_PrerequisitesDone)))
            : RoutineResult.Failed(Phrase.Of(nameof(Routine_PrerequisitesNoCertificates)), listed.Error);
    }
}
