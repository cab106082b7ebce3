using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;

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
                var where = anywhere ? string.Empty : " in this conversation";
                await replies.ReplyAsync(command, ReplyViews.Notice("Nothing to cancel", account is { } a ? $"No onboarding of {a} is open{where}." : $"No onboarding is open{where}."), cancellationToken).ConfigureAwait(false);
                break;
            case 1:
                await buttons.CancelAsync(command, open[0], cancellationToken).ConfigureAwait(false);
                break;
            default:
                await replies.ReplyAsync(
                    command,
                    ReplyViews.Notice(
                        "Which onboarding should I cancel?",
                        $"{open.Count} onboardings are open{(anywhere ? $" for {account}" : " here")}. Pick one, or type cancel <account>.",
                        Tone.Neutral,
                        [.. open.Take(3).Select(s => new SubmitAction($"Cancel {s.AccountText ?? "(account not chosen yet)"}", OnboardingVerbs.CancelSession, new Dictionary<string, string> { [OnboardingVerbs.SessionKey] = s.Id.Value }))]),
                    cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
