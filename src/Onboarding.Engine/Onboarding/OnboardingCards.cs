using Microsoft.Extensions.Logging;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Shows an onboarding's living card in its conversation (updated in place through its <see cref="CardSlot"/>) and posts the
/// few notices that deserve a message of their own. Publishing comes after the state is saved; a failed publish is logged,
/// never undoes a step, and the next update re-draws the card. Updates while a step runs are paced by
/// <see cref="CardUpdatePacer"/>; the card is drawn from the latest state when its turn comes, in the language its
/// conversation speaks then (<see cref="ChatViews"/>).
/// </summary>
public sealed class OnboardingCards(
    Database database,
    TenantStore tenants,
    TenantKeyStore keys,
    PostInstallRunStore runs,
    AuthorizationRequestStore requests,
    OnboardingCard card,
    ChatViews views,
    CardUpdatePacer pacer,
    TimeProvider timeProvider,
    ILogger<OnboardingCards> logger)
{
    public async Task<OnboardingSnapshot> SnapshotAsync(OnboardingSession session, CancellationToken cancellationToken)
    {
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        // Until NetSuite authorized this onboarding, nothing shows that its conversation has anything to do with the account,
        // so the card shows nothing the tenant's record knows (its company) — docs/security.md.
        var tenant = session is { Account: { } account, AuthorizedAt: not null } ? await tenants.FindAsync(read, account, cancellationToken).ConfigureAwait(false) : null;
        var key = await keys.FindForSessionAsync(read, session.Id, cancellationToken).ConfigureAwait(false);
        var routineRuns = await runs.ForSessionAsync(read, session.Id, cancellationToken).ConfigureAwait(false);
        var link = session.Step == OnboardingStep.AwaitingAuthorization && session.Status == SessionStatus.Waiting
            ? await requests.FindLiveLinkAsync(read, session.Id, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            : null;
        return new OnboardingSnapshot(session, tenant, key, routineRuns, link is { } l ? new AuthorizeLink(l.Link, l.ExpiresAt) : null);
    }

    /// <summary>Draws the session's card in place: at once when it comes to rest, on the card's next turn while a step runs.</summary>
    public Task PublishAsync(OnboardingSession session, CancellationToken cancellationToken) =>
        pacer.ShowAsync(SlotOf(session).Value, MomentOf(session), ct => DrawAsync(session, ct), cancellationToken);

    /// <summary>
    /// Posts a separate message in the session's conversation (authorization received, completion), tied to the session's
    /// card so that channels with threads answer under the right card when several onboardings share a conversation.
    /// </summary>
    public async Task NotifyAsync(OnboardingSession session, Func<Wording, StepView> notice, CancellationToken cancellationToken)
    {
        await pacer.FlushAsync(SlotOf(session).Value, cancellationToken).ConfigureAwait(false);
        await SendAsync(session, ct => views.NoticeAsync(session.Conversation, notice, SlotOf(session), ct), cancellationToken).ConfigureAwait(false);
    }

    private CardMoment MomentOf(OnboardingSession session) =>
        session.IsBusy(timeProvider.GetUtcNow()) ? CardMoment.Progress
        : session.Status.IsOpen() ? CardMoment.Rest
        : CardMoment.Final;

    private Task DrawAsync(OnboardingSession session, CancellationToken cancellationToken) =>
        SendAsync(session, async ct =>
        {
            var snapshot = await SnapshotAsync(session, ct).ConfigureAwait(false);
            await views.ShowAsync(session.Conversation, w => card.Build(snapshot, w), SlotOf(session), ct).ConfigureAwait(false);
        }, cancellationToken);

    private static CardSlot SlotOf(OnboardingSession session) => CardSlot.ForOnboarding(session.Id.Value);

    private async Task SendAsync(OnboardingSession session, Func<CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        try
        {
            await publish(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CardPublishFailed(logger, session.Id.Value, e);
        }
    }
}
