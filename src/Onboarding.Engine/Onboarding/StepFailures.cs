using Microsoft.Extensions.Logging;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>Records a failed step (at the same step, with its reason) and shows it; a failure for good also ends admin access.</summary>
public sealed class StepFailures(OnboardingSessions sessions, AdminAccess adminAccess, OnboardingCards cards, TimeProvider timeProvider, ILogger<StepFailures> logger)
{
    /// <summary>Persists the failure and re-draws the card. Returns the failed session, or null when someone else moved it first.</summary>
    public async Task<OnboardingSession?> FailAsync(OnboardingSession session, StepFailure failure, string actor, CancellationToken cancellationToken, bool retryable = true)
    {
        var now = timeProvider.GetUtcNow();
        var failed = await sessions.TryMoveAsync(
            session,
            s => retryable ? s.FailedWith(failure) : s.FailedWith(failure, retryable: false) with { FinishedAt = now },
            actor,
            cancellationToken).ConfigureAwait(false);
        if (failed is null)
        {
            await ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return null;
        }

        StepFailed(logger, failed.Id.Value, failed.Step.ToString(), failure.Code);
        if (!retryable)
        {
            failed = await adminAccess.EndOfFinishedAsync(failed, actor, cancellationToken).ConfigureAwait(false);
        }

        await cards.PublishAsync(failed, cancellationToken).ConfigureAwait(false);
        return failed;
    }

    /// <summary>Fails the step and answers null, the "stopped here" of the step runners.</summary>
    public async Task<OnboardingSession?> StopAsync(OnboardingSession session, StepFailure failure, string actor, CancellationToken cancellationToken)
    {
        await FailAsync(session, failure, actor, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Re-draws whatever the session looks like now (after losing a race, or for a repeated click).</summary>
    public async Task ShowCurrentAsync(SessionId id, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } current)
        {
            await cards.PublishAsync(current, cancellationToken).ConfigureAwait(false);
        }
    }
}
