using Microsoft.Extensions.Logging;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Log;

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
            await Replies.ReplyAsync(command, ReplyViews.Notice($"{account} is not a tenant", $"There is nothing to connect again. Type onboard {account} to connect it.", Tone.Neutral), cancellationToken).ConfigureAwait(false);
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
                ReplyViews.Notice(
                    $"Connect again: {tenant.DisplayName}",
                    $"I posted a new onboarding card in the conversation where {account} was connected{(previous is null ? string.Empty : $" (started by {previous.StartedBy.Name})")}. A NetSuite admin of the account signs in there; the tenant's settings are kept.",
                    Tone.Neutral),
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
            await Replies.ReplyAsync(command, ReplyViews.AlreadyOnboarding(open.Account!.Value, open, canCancel: _staff.Allows(command, StaffPermission.CancelAnyOnboarding)), cancellationToken).ConfigureAwait(false);
        }
    }
}
