using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// The flow's way to read and move sessions. Every transition is one write transaction: the session row (checked
/// against the version read), whatever else the step writes, and an audit entry — all or nothing.
/// </summary>
public sealed class OnboardingSessions(
    Database database,
    OnboardingSessionStore store,
    AuditLog audit,
    OnboardingMetrics metrics,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider,
    ILogger<OnboardingSessions> logger)
{
    public Task<OnboardingSession?> FindAsync(SessionId id, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.FindAsync(read, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<OnboardingSession>> ForConversationAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.ForConversationAsync(read, conversation, cancellationToken), cancellationToken);

    /// <summary>The authorized open onboarding holding the account, if any.</summary>
    public Task<OnboardingSession?> FindHolderAsync(AccountId account, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.FindHolderAsync(read, account, cancellationToken), cancellationToken);

    /// <summary>Every open onboarding of the account, in any conversation, newest first.</summary>
    public Task<IReadOnlyList<OnboardingSession>> OpenForAccountAsync(AccountId account, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.OpenForAccountAsync(read, account, cancellationToken), cancellationToken);

    /// <summary>
    /// True when an onboarding of <paramref name="account"/> in <paramref name="conversation"/> was authorized by NetSuite:
    /// someone there proved to be the account's admin, so the conversation may hear about the account (docs/security.md).
    /// </summary>
    public async Task<bool> WasAuthorizedInAsync(ConversationKey conversation, AccountId account, CancellationToken cancellationToken) =>
        (await ForConversationAsync(conversation, cancellationToken).ConfigureAwait(false)).Any(s => s.Account == account && s.AuthorizedAt is not null);

    public Task<IReadOnlyList<OnboardingSession>> StalledAsync(CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.StalledAsync(read, timeProvider.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<OnboardingSession>> LatestPerAccountAsync(CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.LatestPerAccountAsync(read, cancellationToken), cancellationToken);

    /// <summary>Creates a session (it holds its account only once authorized).</summary>
    public async Task<OnboardingSession> CreateAsync(
        OnboardingSession session,
        Func<StorageTransaction, OnboardingSession, Task> alsoWrite,
        string actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        await store.InsertAsync(transaction, session, cancellationToken).ConfigureAwait(false);
        await alsoWrite(transaction, session).ConfigureAwait(false);
        await audit.AppendAsync(transaction, Transition(actor, session), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SessionMoved(logger, session.Id.Value, session.AccountText, session.Step.ToString(), session.Status.ToString());
        metrics.Started();
        return session;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="current"/> and persists it, with <paramref name="alsoWrite"/> in the
    /// same transaction. Returns the new session, or null when the stored version moved on (someone else won; nothing written).
    /// A running session's lease is renewed by every transition.
    /// </summary>
    public async Task<OnboardingSession?> TryMoveAsync(
        OnboardingSession current,
        Func<OnboardingSession, OnboardingSession> change,
        string actor,
        CancellationToken cancellationToken,
        Func<StorageTransaction, OnboardingSession, Task>? alsoWrite = null)
    {
        await using var transaction = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        var next = await TryMoveWithinAsync(transaction, current, change, actor, cancellationToken, alsoWrite).ConfigureAwait(false);
        if (next is null)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SessionMoved(logger, next.Id.Value, next.AccountText, next.Step.ToString(), next.Status.ToString());
        CountOutcome(current, next);
        return next;
    }

    /// <summary>
    /// Takes a sign-in's step inside the caller's write transaction (the one that consumes its state): the session, if it
    /// still waits for that sign-in, becomes running under a lease. Null when it is not waiting. Should the process stop
    /// before the sign-in's outcome is saved, the lease runs out and the resumer offers a fresh link.
    /// </summary>
    public async Task<OnboardingSession?> TryClaimSignInAsync(StorageTransaction transaction, SessionId id, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var current = await store.FindAsync(transaction, id, cancellationToken).ConfigureAwait(false);
        return current is { Step: OnboardingStep.AwaitingAuthorization, Status: SessionStatus.Waiting }
            ? await TryMoveWithinAsync(transaction, current, s => s with { Status = SessionStatus.Running }, actor, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<OnboardingSession?> TryMoveWithinAsync(
        StorageTransaction transaction,
        OnboardingSession current,
        Func<OnboardingSession, OnboardingSession> change,
        string actor,
        CancellationToken cancellationToken,
        Func<StorageTransaction, OnboardingSession, Task>? alsoWrite = null)
    {
        var now = timeProvider.GetUtcNow();
        var next = change(current) with { Version = current.Version + 1, UpdatedAt = now };
        next = next with { LeaseUntil = next.Status == SessionStatus.Running ? now + options.Value.StepLease : null };
        if (!await store.TryUpdateAsync(transaction, next, current.Version, cancellationToken).ConfigureAwait(false))
        {
            SessionConflict(logger, current.Id.Value);
            return null;
        }

        if (alsoWrite is not null)
        {
            await alsoWrite(transaction, next).ConfigureAwait(false);
        }

        await audit.AppendAsync(transaction, Transition(actor, next), cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Claims the session's step for this worker: only one of several concurrent callers gets a non-null answer.</summary>
    public Task<OnboardingSession?> TryClaimAsync(OnboardingSession current, OnboardingStep step, string actor, CancellationToken cancellationToken)
    {
        if (current.IsBusy(timeProvider.GetUtcNow()) || !current.Status.IsOpen())
        {
            return Task.FromResult<OnboardingSession?>(null);
        }

        return TryMoveAsync(current, s => s with { Step = step, Status = SessionStatus.Running, Failure = null }, actor, cancellationToken);
    }

    private void CountOutcome(OnboardingSession before, OnboardingSession after)
    {
        if (before.Status == after.Status && before.Step == after.Step)
        {
            return;
        }

        switch (after.Status)
        {
            case SessionStatus.Completed:
                metrics.Finished("completed", null);
                break;
            case SessionStatus.Cancelled:
                metrics.Finished("cancelled", null);
                break;
            case SessionStatus.Failed or SessionStatus.FailedPermanently:
                metrics.Finished(after.Status == SessionStatus.Failed ? "failed" : "failed-permanently", after.Failure?.Code);
                break;
        }
    }

    private static AuditEntry Transition(string actor, OnboardingSession session) => new(
        actor,
        session.AccountText,
        "onboarding.transition",
        session.Status is SessionStatus.Failed or SessionStatus.FailedPermanently ? "failed" : "ok",
        $"session {session.Id} → {session.Step}/{session.Status}{(session.Failure is { } f ? $" ({f.Code})" : string.Empty)}");
}
