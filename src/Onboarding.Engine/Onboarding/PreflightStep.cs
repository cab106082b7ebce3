using Microsoft.Extensions.Logging;
using static Onboarding.Engine.Log;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Step 1's last check, right after consent: runs the <see cref="Preflight"/> with the admin's token on a session claimed
/// at <see cref="OnboardingStep.Authorized"/>, then shows step 2 — or stops on a card that names every gap and how to fix
/// it, with Retry (after fixing the role) and Sign in again (to choose another role).
/// </summary>
public sealed class PreflightStep(
    OnboardingSessions sessions,
    AdminAccess adminAccess,
    Preflight preflight,
    StepFailures failures,
    OnboardingCards cards,
    StepTelemetry telemetry,
    ILogger<PreflightStep> logger)
{
    /// <summary>Returns the session waiting at AwaitingBundle, or null when it stopped (failed, or someone else moved it).</summary>
    public Task<OnboardingSession?> RunAsync(OnboardingSession session, string actor, CancellationToken cancellationToken) =>
        telemetry.RunAsync("preflight", session, () => CheckAsync(session, actor, cancellationToken));

    private async Task<OnboardingSession?> CheckAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        var token = await adminAccess.AccessTokenAsync(session, actor, "pre-flight", cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return await failures.StopAsync(session, StepFailure.FromAdminAccess(token.Error), actor, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await preflight.CheckAsync(session, token.Value, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            return await failures.StopAsync(session, StepFailure.From(error), actor, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Gaps.Count > 0)
        {
            PreflightGaps(logger, session.Id.Value, session.AccountText, outcome.Gaps.Count);
            return await failures.StopAsync(session, FailureFor(session, outcome.Gaps), actor, cancellationToken).ConfigureAwait(false);
        }

        var waiting = await sessions.TryMoveAsync(session, s => s.WaitingAt(OnboardingStep.AwaitingBundle), actor, cancellationToken).ConfigureAwait(false);
        if (waiting is not null)
        {
            await cards.PublishAsync(waiting, cancellationToken).ConfigureAwait(false);
        }

        return waiting;
    }

    /// <summary>The three-part failure: what the role cannot do, how to fix each, and the two ways on.</summary>
    public static StepFailure FailureFor(OnboardingSession session, IReadOnlyList<PreflightGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(gaps);
        object role = session.AuthorizedRoleName is { } name ? name
            : session.AuthorizedRoleId is { } id ? Phrase.Of(nameof(Checklist_RoleId), id)
            : Phrase.Of(nameof(Preflight_ChosenRole));
        IReadOnlyList<Phrase> missing = [.. gaps.Select(g => Phrase.Of(nameof(Preflight_Gap), g.Missing, g.Fix))];
        return new StepFailure(FlowCodes.PreflightFailed, Phrase.Of(nameof(Preflight_Failed), role, missing), Phrase.Of(nameof(Preflight_FailedToDo)));
    }
}
