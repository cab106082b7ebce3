using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

// How an onboarding ends: completed after step 4 (admin access revoked first), or cancelled by someone in the chat.
public sealed partial class OnboardingFlow
{
    /// <summary>
    /// Cancels an open onboarding: a certificate already uploaded is revoked in NetSuite, every key of it erased, admin
    /// access revoked and erased, and the card says so.
    /// </summary>
    public async Task<bool> CancelAsync(OnboardingSession session, ChatUser user, CancellationToken cancellationToken)
    {
        if (!session.Status.IsOpen())
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var now = timeProvider.GetUtcNow();
        var cancelled = await sessions.TryMoveAsync(
            session,
            s => s with { Status = SessionStatus.Cancelled, FinishedAt = now },
            user.Id,
            cancellationToken,
            async (tx, s) =>
            {
                await requests.CloseAllAsync(tx, s.Id, now, cancellationToken).ConfigureAwait(false);
                if (await keys.FindForSessionAsync(tx, s.Id, cancellationToken).ConfigureAwait(false) is { Status: Keys.TenantKeyStatus.Pending } pending)
                {
                    await keys.RevokeAndEraseAsync(tx, pending.Id, now, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        if (cancelled is null)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return false;
        }

        // While the admin's token still works it can revoke the upload; only then does the access end.
        await uploadedCertificate.RevokeAsync(cancelled, user.Id, "cancelled", cancellationToken).ConfigureAwait(false);
        cancelled = await adminAccess.EndOfFinishedAsync(cancelled, user.Id, cancellationToken).ConfigureAwait(false);
        await cards.PublishAsync(cancelled, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<OnboardingSession?> CompleteAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        // Revoke first: by the time the card says "admin access revoked", it is — and it says so only if NetSuite confirmed.
        var revoked = await adminAccess.EndAsync(session, actor, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var completed = await sessions.TryMoveAsync(
            session,
            s => s with { Step = OnboardingStep.Completed, Status = SessionStatus.Completed, FinishedAt = now, AdminAccessEndedAt = revoked ? now : s.AdminAccessEndedAt },
            actor,
            cancellationToken,
            (tx, s) => tenants.UpsertAsync(tx, new Tenant(s.Account!.Value, TenantStatus.Connected) { ConnectedAt = now }, now, cancellationToken)).ConfigureAwait(false);
        if (completed is null)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return null;
        }

        await cards.PublishAsync(completed, cancellationToken).ConfigureAwait(false);
        var tenant = await StorageTransaction.ReadAsync(database, read => tenants.FindAsync(read, completed.Account!.Value, cancellationToken), cancellationToken).ConfigureAwait(false);

        await cards.NotifyAsync(completed, w => notices.Completed(w, completed, tenant), cancellationToken).ConfigureAwait(false);
        return completed;
    }
}
