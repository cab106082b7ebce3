using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// <c>onboard [account]</c>: starts an onboarding, or shows the one already open for that account here. What the answer
/// says about an account beyond this conversation follows docs/security.md: staff hear everything; a conversation in which
/// an onboarding of the account was authorized hears whether it is connected or busy; anyone else gets exactly what a
/// new account gets — a fresh card — and NetSuite's consent page is where only the account's admin can go on.
/// </summary>
public sealed class OnboardRoute(
    Database database,
    OnboardingFlow flow,
    OnboardingSessions sessions,
    TenantStore tenants,
    OnboardingCards cards,
    StaffPolicy staff,
    CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Onboard];

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await replies.AccountAsync(command, required: false, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        if (account is { } named && await AnsweredInsteadAsync(command, named, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await flow.StartAsync(command.Conversation, command.User, command.IsSharedConversation, account, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AnsweredInsteadAsync(ChatCommand command, AccountId account, CancellationToken cancellationToken)
    {
        var open = await sessions.OpenForAccountAsync(account, cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(s => s.Conversation == command.Conversation) is { } here)
        {
            await cards.PublishAsync(here, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var seesEverything = staff.Allows(command, StaffPermission.SeeEveryTenant);
        if (!seesEverything && !await sessions.WasAuthorizedInAsync(command.Conversation, account, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var tenant = await StorageTransaction.ReadAsync(database, read => tenants.FindAsync(read, account, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (tenant?.Status == TenantStatus.Connected)
        {
            await replies.ReplyAsync(command, w => ReplyViews.AlreadyConnected(w, tenant), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (open.FirstOrDefault(s => s.AuthorizedAt is not null) is not { } holder)
        {
            return false;
        }

        var canCancel = staff.Allows(command, StaffPermission.CancelAnyOnboarding);
        await replies.ReplyAsync(
            command,
            w => seesEverything ? ReplyViews.AlreadyOnboarding(w, account, holder, canCancel) : ReplyViews.AlreadyOnboardingElsewhere(w, account),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
