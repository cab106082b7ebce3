using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// <c>status [account]</c>: this conversation's onboardings; staff see every tenant. With an account: that one, if it
/// belongs to this conversation or the asker is staff — otherwise the same answer as for an account nobody onboarded.
/// </summary>
public sealed class StatusRoute(OnboardingSessions sessions, StatusBoard board, StaffPolicy staff, CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Status];

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await replies.AccountAsync(command, required: false, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        var isStaff = staff.Allows(command, StaffPermission.SeeEveryTenant);
        var visible = isStaff
            ? await sessions.LatestPerAccountAsync(cancellationToken).ConfigureAwait(false)
            : await sessions.ForConversationAsync(command.Conversation, cancellationToken).ConfigureAwait(false);
        if (account is { } named)
        {
            visible = [.. visible.Where(s => s.Account == named).Take(1)];
        }

        var title = account is { } a ? Phrase.Of(nameof(Status_OfAccount), a.Value) : Phrase.Of(isStaff ? nameof(Status_OfEveryTenant) : nameof(Status_InThisConversation));
        var rows = await board.ReadAsync(visible, cancellationToken).ConfigureAwait(false);
        await replies.ReplyAsync(command, w => board.Build(w, title, visible, rows), cancellationToken).ConfigureAwait(false);
    }
}
