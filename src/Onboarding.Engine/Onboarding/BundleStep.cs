using Microsoft.Extensions.Options;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>Step 2: asks the bundle's own RESTlet, with the admin token, whether the bundle is installed.</summary>
public sealed class BundleStep(
    OnboardingSessions sessions,
    AdminAccess adminAccess,
    BundleCheck bundleCheck,
    StepFailures failures,
    OnboardingCards cards,
    IOptions<OnboardingOptions> options)
{
    /// <summary>Runs the check on a session claimed at <see cref="OnboardingStep.AwaitingBundle"/>; returns it at BundleVerified, or null when it stopped.</summary>
    public async Task<OnboardingSession?> CheckAsync(OnboardingSession claimed, string actor, CancellationToken cancellationToken)
    {
        var token = await adminAccess.AccessTokenAsync(claimed, actor, "bundle check", cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return await failures.StopAsync(claimed, StepFailure.FromAdminAccess(token.Error), actor, cancellationToken).ConfigureAwait(false);
        }

        var found = await bundleCheck.CheckAsync(claimed.Account!.Value, token.Value, cancellationToken).ConfigureAwait(false);
        switch (found.State)
        {
            case BundleState.NotInstalled:
                return await failures.StopAsync(claimed, NotInstalled(found.Error?.Said), actor, cancellationToken).ConfigureAwait(false);
            case BundleState.Failed:
                return await failures.StopAsync(claimed, StepFailure.From(found.Error!), actor, cancellationToken).ConfigureAwait(false);
        }

        var verified = await sessions.TryMoveAsync(
            claimed,
            s => s with { Step = OnboardingStep.BundleVerified, Status = SessionStatus.Running, BundleVersion = found.Version ?? options.Value.BundleVersion },
            actor,
            cancellationToken).ConfigureAwait(false);
        if (verified is not null)
        {
            await cards.PublishAsync(verified, cancellationToken).ConfigureAwait(false);
        }

        return verified;
    }

    private static StepFailure NotInstalled(string? said) => new(
        FlowCodes.BundleNotInstalled,
        Phrase.Of(nameof(Failure_BundleNotYet)),
        Phrase.Of(nameof(Failure_BundleNotYetToDo), Phrase.Of(nameof(Button_IveInstalledIt))),
        said);
}
