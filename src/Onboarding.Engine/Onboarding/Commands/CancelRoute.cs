using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary><c>cancel [account]</c>: cancels this conversation's open onboarding (asks which when there are several).</summary>
public sealed class CancelRoute(OnboardingSessions sessions, OnboardingFlow flow, CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Cancel];

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await replies.AccountAsync(command, required: false, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        var open = (await sessions.ForConversationAsync(command.Conversation, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Status.IsOpen() && (account is null || s.Account == account))
            .ToList();
        switch (open.Count)
        {
            case 0:
                await replies.ReplyAsync(command, ReplyViews.Notice("Nothing to cancel", account is { } a ? $"No onboarding of {a} is open in this conversation." : "No onboarding is open in this conversation."), cancellationToken).ConfigureAwait(false);
                break;
            case 1:
                await flow.CancelAsync(open[0], command.User, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await replies.ReplyAsync(
                    command,
                    ReplyViews.Notice(
                        "Which onboarding should I cancel?",
                        $"{open.Count} onboardings are open here. Pick one, or type cancel <account>.",
                        Tone.Neutral,
                        [.. open.Take(3).Select(s => new SubmitAction($"Cancel {s.AccountText ?? "(account not chosen yet)"}", OnboardingVerbs.CancelSession, new Dictionary<string, string> { [OnboardingVerbs.SessionKey] = s.Id.Value }))]),
                    cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
