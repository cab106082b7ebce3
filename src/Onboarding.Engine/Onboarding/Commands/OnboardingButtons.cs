using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>Who may press a button of an onboarding's card (docs/security.md, "Who may press what").</summary>
public enum OnboardingButtonUse
{
    /// <summary>
    /// Anyone in the card's conversation: the button only moves the onboarding on with the access the admin already gave
    /// (I've installed it, Retry of steps 2–4). NetSuite's redirect names no chat user, so the admin who signed in cannot
    /// be told apart from the other members; they must be able to press these.
    /// </summary>
    AnyoneHere,

    /// <summary>Only its starter or staff: the button stops or restarts it (Cancel, Sign in again, Replace certificate).</summary>
    StarterOrStaff,
}

/// <summary>Decides who may press an onboarding's buttons, and cancels on behalf of whoever may.</summary>
public sealed class OnboardingButtons(OnboardingFlow flow, StaffPolicy staff, CommandReplies replies)
{
    /// <summary>True when the sender of <paramref name="command"/> may press a button of <paramref name="session"/> used as <paramref name="use"/>.</summary>
    public bool MayPress(ChatCommand command, OnboardingSession session, OnboardingButtonUse use)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(session);
        return use == OnboardingButtonUse.AnyoneHere
            || (session.Conversation == command.Conversation && string.Equals(session.StartedBy.Id, command.User.Id, StringComparison.Ordinal))
            || staff.Allows(command, StaffPermission.ActOnAnyOnboarding);
    }

    /// <summary>
    /// Cancels <paramref name="session"/> for the sender: its starter or staff where its card is, Operations from anywhere.
    /// Anyone else is told so and nothing changes.
    /// </summary>
    public async Task CancelAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(session);
        var elsewhere = session.Conversation != command.Conversation;
        if (elsewhere && !staff.Allows(command, StaffPermission.CancelAnyOnboarding))
        {
            await replies.ReplyAsync(command, ReplyViews.NotYours, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!elsewhere && !MayPress(command, session, OnboardingButtonUse.StarterOrStaff))
        {
            await replies.ReplyAsync(command, w => ReplyViews.NotYourOnboarding(w, session), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await flow.CancelAsync(session, command.User, cancellationToken).ConfigureAwait(false) && elsewhere)
        {
            await replies.ReplyAsync(command, w => ReplyViews.CancelledElsewhere(w, session), cancellationToken).ConfigureAwait(false);
        }
    }
}
