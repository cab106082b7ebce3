using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>The re-authorization card's Cancel and Re-authorize again buttons (staff only, from the conversation that asked).</summary>
public sealed class ReauthorizationRoute(Reauthorizations reauthorizations, StaffPolicy staff, CommandReplies replies) : StaffRoute(staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [ReauthorizationVerbs.Cancel, ReauthorizationVerbs.Renew];

    protected override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!command.Data.TryGetValue(ReauthorizationViews.IdKey, out var id)
            || await reauthorizations.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } reauthorization)
        {
            await Replies.ReplyAsync(command, ReplyViews.Notice("I can't find that re-authorization", "Ask again from the alert or the command that needed it.", Engine.Views.Tone.Neutral), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (reauthorization.Conversation != command.Conversation)
        {
            await Replies.ReplyAsync(command, ReplyViews.NotYours(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command.Verb.Equals(ReauthorizationVerbs.Renew, StringComparison.OrdinalIgnoreCase))
        {
            await reauthorizations.RenewAsync(reauthorization, command.User, cancellationToken).ConfigureAwait(false);
        }
        else if (!await reauthorizations.CancelAsync(reauthorization, command.User, cancellationToken).ConfigureAwait(false))
        {
            await Replies.ReplyAsync(command, ReplyViews.Notice("Too late to cancel", "This re-authorization was already used or closed; its card shows how it went.", Engine.Views.Tone.Neutral), cancellationToken).ConfigureAwait(false);
        }
    }
}
