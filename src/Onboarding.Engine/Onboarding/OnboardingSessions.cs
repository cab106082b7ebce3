using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
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
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider,
    ILogger<OnboardingSessions> logger)
{
    public Task<OnboardingSession?> FindAsync(SessionId id, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.FindAsync(read, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<OnboardingSession>> ForConversationAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.ForConversationAsync(read, conversation, cancellationToken), cancellationToken);

    public Task<OnboardingSession?> FindOpenAsync(AccountId account, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.FindOpenAsync(read, account, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<OnboardingSession>> StalledAsync(CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.StalledAsync(read, timeProvider.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<OnboardingSession>> LatestPerAccountAsync(CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.LatestPerAccountAsync(read, cancellationToken), cancellationToken);

    /// <summary>Creates a session; throws <see cref="OpenOnboardingExistsException"/> when the account is already being onboarded.</summary>
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
        var now = timeProvider.GetUtcNow();
        var next = change(current) with { Version = current.Version + 1, UpdatedAt = now };
        next = next with { LeaseUntil = next.Status == SessionStatus.Running ? now + options.Value.StepLease : null };
        await using var transaction = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
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
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SessionMoved(logger, next.Id.Value, next.AccountText, next.Step.ToString(), next.Status.ToString());
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

    private static AuditEntry Transition(string actor, OnboardingSession session) => new(
        actor,
        session.AccountText,
        "onboarding.transition",
        session.Status is SessionStatus.Failed or SessionStatus.FailedPermanently ? "failed" : "ok",
        $"session {session.Id} → {session.Step}/{session.Status}{(session.Failure is { } f ? $" ({f.Code})" : string.Empty)}");
}
