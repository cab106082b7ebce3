using Microsoft.Extensions.Logging;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Log;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// An alert's Connect again (staff only): a new onboarding of an account that is still a tenant — after a sandbox refresh
/// forgot its certificate — posted where the account was last onboarded, so the customer's admin sees it. The tenant
/// record, its settings, health history and alert subscriptions stay; the new certificate replaces the old ones.
/// </summary>
public sealed class ReconnectRoute(
    Database database,
    TenantStore tenants,
    OnboardingSessions sessions,
    OnboardingFlow flow,
    OnboardingCards cards,
    StaffPolicy staff,
    CommandReplies replies,
    ILogger<ReconnectRoute> logger) : StaffRoute(staff, replies)
{
    private readonly StaffPolicy _staff = staff;

    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Reconnect];

    protected override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, named) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        if (!ok || named is not { } account)
        {
            return;
        }

        var tenant = await StorageTransaction.ReadAsync(database, read => tenants.FindAsync(read, account, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (tenant is null || tenant.Status == TenantStatus.Offboarded)
        {
            await Replies.ReplyAsync(command, w => ReplyViews.Notice(w, Phrase.Of(nameof(Reconnect_NotTenantTitle), account.Value), Phrase.Of(nameof(Reconnect_NotTenant), account.Value)), cancellationToken).ConfigureAwait(false);
            return;
        }

        // One Connect again at a time, and none while an authorized onboarding holds the account.
        var open = await sessions.OpenForAccountAsync(account, cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(s => s.Reconnect || s.AuthorizedAt is not null) is { } existing)
        {
            await ShowOpenAsync(command, existing, cancellationToken).ConfigureAwait(false);
            return;
        }

        var previous = (await sessions.LatestPerAccountAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Account == account);
        var conversation = previous?.Conversation ?? command.Conversation;
        var session = await flow.ReconnectAsync(conversation, command.User, previous?.SharedConversation ?? command.IsSharedConversation, account, cancellationToken).ConfigureAwait(false);
        ReconnectStarted(logger, account.Value, command.User.Id, session.Id.Value);
        if (conversation != command.Conversation)
        {
            await Replies.ReplyAsync(
                command,
                w => ReplyViews.Notice(
                    w,
                    Phrase.Of(nameof(Reconnect_PostedTitle), tenant.DisplayName),
                    previous is null ? Phrase.Of(nameof(Reconnect_Posted), account.Value) : Phrase.Of(nameof(Reconnect_PostedStartedBy), account.Value, previous.StartedBy.Name)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShowOpenAsync(ChatCommand command, OnboardingSession open, CancellationToken cancellationToken)
    {
        if (open.Conversation == command.Conversation)
        {
            await cards.PublishAsync(open, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var canCancel = _staff.Allows(command, StaffPermission.CancelAnyOnboarding);
            await Replies.ReplyAsync(command, w => ReplyViews.AlreadyOnboarding(w, open.Account!.Value, open, canCancel), cancellationToken).ConfigureAwait(false);
        }
    }
}
