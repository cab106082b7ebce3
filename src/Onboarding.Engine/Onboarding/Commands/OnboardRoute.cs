using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary><c>onboard [account]</c>: starts an onboarding, or shows the one already open for that account here.</summary>
public sealed class OnboardRoute(
    Database database,
    OnboardingFlow flow,
    OnboardingSessions sessions,
    TenantStore tenants,
    OnboardingCards cards,
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

        if (account is { } named)
        {
            var tenant = await StorageTransaction.ReadAsync(database, read => tenants.FindAsync(read, named, cancellationToken), cancellationToken).ConfigureAwait(false);

            if (tenant?.Status == TenantStatus.Connected)
            {
                await replies.ReplyAsync(command, ReplyViews.AlreadyConnected(tenant), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (await ShowOpenAsync(command, named, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        try
        {
            await flow.StartAsync(command.Conversation, command.User, command.IsSharedConversation, account, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenOnboardingExistsException) when (account is { } raced)
        {
            await ShowOpenAsync(command, raced, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ShowOpenAsync(ChatCommand command, NetSuite.AccountId account, CancellationToken cancellationToken)
    {
        if (await sessions.FindOpenAsync(account, cancellationToken).ConfigureAwait(false) is not { } open)
        {
            return false;
        }

        if (open.Conversation == command.Conversation)
        {
            await cards.PublishAsync(open, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await replies.ReplyAsync(command, ReplyViews.AlreadyOnboarding(account, open), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
