using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// <c>cancel [account]</c>: cancels this conversation's open onboarding (asks which when there are several). Operations
/// staff naming an account cancel its open onboardings wherever they are (docs/security.md).
/// </summary>
public sealed class CancelRoute(OnboardingSessions sessions, OnboardingButtons buttons, StaffPolicy staff, CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Cancel];

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await replies.AccountAsync(command, required: false, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        var anywhere = account is not null && staff.Allows(command, StaffPermission.CancelAnyOnboarding);
        var open = anywhere
            ? await sessions.OpenForAccountAsync(account!.Value, cancellationToken).ConfigureAwait(false)
            : [.. (await sessions.ForConversationAsync(command.Conversation, cancellationToken).ConfigureAwait(false))
                .Where(s => s.Status.IsOpen() && (account is null || s.Account == account))];
        switch (open.Count)
        {
            case 0:
                var nothing = (account, anywhere) switch
                {
                    ({ } a, true) => Phrase.Of(nameof(Cancel_NoneOfAccount), a.Value),
                    ({ } a, false) => Phrase.Of(nameof(Cancel_NoneOfAccountHere), a.Value),
                    _ => Phrase.Of(nameof(Cancel_NoneHere)),
                };
                await replies.ReplyAsync(command, w => ReplyViews.Notice(w, Phrase.Of(nameof(Cancel_NothingTitle)), nothing), cancellationToken).ConfigureAwait(false);
                break;
            case 1:
                await buttons.CancelAsync(command, open[0], cancellationToken).ConfigureAwait(false);
                break;
            default:
                await replies.ReplyAsync(
                    command,
                    w => ReplyViews.Notice(
                        w,
                        Phrase.Of(nameof(Cancel_WhichTitle)),
                        anywhere ? Phrase.Of(nameof(Cancel_WhichOfAccount), open.Count, account!.Value.Value) : Phrase.Of(nameof(Cancel_WhichHere), open.Count),
                        Tone.Neutral,
                        [.. open.Take(3).Select(s => new SubmitAction(
                            s.AccountText is { } named ? w.Say(nameof(Button_CancelAccount), named) : w.Say(nameof(Button_CancelUnchosen)),
                            OnboardingVerbs.CancelSession,
                            new Dictionary<string, string> { [OnboardingVerbs.SessionKey] = s.Id.Value }))]),
                    cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
