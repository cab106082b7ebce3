using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health.Commands;

/// <summary>Base of staff commands about one connected tenant: reads the account and answers plainly when it is not connected.</summary>
public abstract class TenantRoute(ITenantDirectory tenants, StaffPolicy staff, CommandReplies replies) : StaffRoute(staff, replies)
{
    protected sealed override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        var tenant = await tenants.FindConnectedAsync(account!.Value, cancellationToken).ConfigureAwait(false);
        if (tenant is null)
        {
            await Replies.ReplyAsync(command, w => ReplyViews.Notice(w, Phrase.Of(nameof(Reply_NotConnectedTitle), account!.Value.Value), Phrase.Of(nameof(Health_OnlyConnected))), cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleTenantAsync(command, tenant, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken);
}
