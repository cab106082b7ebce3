using Microsoft.Extensions.Logging;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Ends admin access at its deadline (consent plus <c>Onboarding:AdminAccessLifetime</c>) for onboardings that did not end
/// it themselves — abandoned at step 2, stuck on a failure, or interrupted by a crash: the refresh token is revoked at
/// NetSuite, both tokens erased here, and the card says a step needing admin access will ask for a fresh sign-in. A host
/// runs <see cref="SweepAsync"/> on a timer, waking at the deadline it returns. Every instance sweeps; each onboarding's
/// access is ended by the one that takes its lease, so NetSuite sees one revocation (docs/scale-out.md).
/// </summary>
public sealed class AdminAccessSweep(
    Database database,
    DelegatedTokenStore tokens,
    OnboardingSessions sessions,
    AdminAccess adminAccess,
    OnboardingCards cards,
    WorkLeases leases,
    TimeProvider timeProvider,
    ILogger<AdminAccessSweep> logger)
{
    private const string Actor = "admin-access-sweep";

    /// <summary>The lease scope under which one instance ends an onboarding's admin access.</summary>
    public const string LeaseScope = "admin-access-sweep";

    // One revocation and one erase; renewed while it runs, so this only bounds a holder that died.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Ends every admin access past its deadline; returns how many it ended and the next deadline still ahead, if any.</summary>
    public async Task<AdminAccessSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var holders = await StorageTransaction.ReadAsync(database, read => tokens.HoldersAsync(read, cancellationToken), cancellationToken).ConfigureAwait(false);
        var ended = 0;
        DateTimeOffset? next = null;
        foreach (var id in holders)
        {
            if (await sessions.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } session)
            {
                continue;
            }

            var now = timeProvider.GetUtcNow();

            // Tokens left behind by a finished onboarding (a crash between its end and the erase) have no business either.
            var deadline = session.Status.IsOpen() ? session.AdminAccessUntil ?? now : now;
            if (deadline > now)
            {
                next = next is { } earlier && earlier < deadline ? earlier : deadline;
                continue;
            }

            try
            {
                // Another instance ending this one right now is as good as ending it here.
                var endedHere = false;
                await leases.TryRunAsync(LeaseScope, session.Id.Value, Lease, async ct => endedHere = await EndAsync(session, deadline, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                ended += endedHere ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One session must not keep the others' access alive; this one is tried again on the next sweep.
                AdminAccessSweepFailed(logger, session.Id.Value, e);
            }
        }

        return new AdminAccessSweepResult(ended, next);
    }

    // False when there was nothing left to end (another instance ended it between the listing and the lease).
    private async Task<bool> EndAsync(OnboardingSession session, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (await StorageTransaction.ReadAsync(database, read => tokens.FindAsync(read, session.Id, cancellationToken), cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await adminAccess.EndAsync(session, Actor, cancellationToken).ConfigureAwait(false);
        AdminAccessSwept(logger, session.Id.Value, session.AccountText, deadline);

        // A worker holding the step finds the tokens gone and fails it itself; moving the session under it would only
        // make it lose its race. Anything else shows on its card that the access ended; steps 2 and 3, which need it,
        // ask for a fresh sign-in, while step 4 works with the app's own certificate and carries on.
        var now = timeProvider.GetUtcNow();
        if (session.IsBusy(now))
        {
            return true;
        }

        var needsAdmin = session.Step is > OnboardingStep.AwaitingAuthorization and < OnboardingStep.MachineAccessVerified;
        var moved = session.Status.IsOpen() && needsAdmin
            ? await sessions.TryMoveAsync(
                session,
                s => s.FailedWith(StepFailure.FromAdminAccess(adminAccess.EndedError(deadline))) with { AdminAccessEndedAt = deadline },
                Actor,
                cancellationToken).ConfigureAwait(false)
            : await sessions.TryMoveAsync(session, s => s with { AdminAccessEndedAt = s.AdminAccessEndedAt ?? deadline }, Actor, cancellationToken).ConfigureAwait(false);
        if (moved is not null && moved.Status.IsOpen())
        {
            await cards.PublishAsync(moved, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}

/// <summary>What a sweep did: admin accesses it ended, and when the next one is due (null when none is held).</summary>
public sealed record AdminAccessSweepResult(int Ended, DateTimeOffset? NextDeadline);
