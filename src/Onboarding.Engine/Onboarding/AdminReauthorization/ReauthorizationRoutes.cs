using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

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
            await Replies.ReplyAsync(command, w => ReplyViews.Notice(w, Phrase.Of(nameof(Reauthorization_UnknownTitle)), Phrase.Of(nameof(Reauthorization_Unknown))), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (reauthorization.Conversation != command.Conversation)
        {
            await Replies.ReplyAsync(command, ReplyViews.NotYours, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command.Verb.Equals(ReauthorizationVerbs.Renew, StringComparison.OrdinalIgnoreCase))
        {
            await reauthorizations.RenewAsync(reauthorization, command.User, cancellationToken).ConfigureAwait(false);
        }
        else if (!await reauthorizations.CancelAsync(reauthorization, command.User, cancellationToken).ConfigureAwait(false))
        {
            await Replies.ReplyAsync(command, w => ReplyViews.Notice(w, Phrase.Of(nameof(Reauthorization_TooLateTitle)), Phrase.Of(nameof(Reauthorization_TooLate))), cancellationToken).ConfigureAwait(false);
        }
    }
}
