using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// Base of the card buttons that act on one onboarding (<c>session=…</c>). The data is checked strictly: a missing or
/// malformed id, an unknown session, another conversation's session, or a button the sender may not press
/// (<see cref="OnboardingButtonUse"/>) gets a clear answer and changes nothing.
/// </summary>
public abstract class SessionCommandRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingButtons buttons) : IChatCommandRoute
{
    public abstract IReadOnlyCollection<string> Verbs { get; }

    /// <summary>Who may press the button, given where the onboarding stands.</summary>
    protected abstract OnboardingButtonUse Use(OnboardingSession session);

    /// <summary>True for a button that may also be pressed from another conversation (by whoever the route itself allows).</summary>
    protected virtual bool WorksFromElsewhere => false;

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!command.Data.TryGetValue(OnboardingVerbs.SessionKey, out var text) || !SessionId.TryParse(text, out var id)
            || await sessions.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            await replies.ReplyAsync(command, ReplyViews.UnknownSession, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.Conversation != command.Conversation && !WorksFromElsewhere)
        {
            await replies.ReplyAsync(command, ReplyViews.NotYours, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.Conversation == command.Conversation && !buttons.MayPress(command, session, Use(session)))
        {
            await replies.ReplyAsync(command, w => ReplyViews.NotYourOnboarding(w, session), cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleAsync(command, session, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken);
}

/// <summary><c>onboarding.bundle-check</c>: "I've installed it".</summary>
public sealed class BundleCheckRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingButtons buttons, OnboardingFlow flow) : SessionCommandRoute(sessions, replies, buttons)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.BundleCheck];

    protected override OnboardingButtonUse Use(OnboardingSession session) => OnboardingButtonUse.AnyoneHere;

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.CheckBundleAsync(session, command.User, cancellationToken);
}

/// <summary><c>onboarding.retry</c>: retry the failed or interrupted step, or get a fresh sign-in link.</summary>
public sealed class RetryRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingButtons buttons, OnboardingFlow flow) : SessionCommandRoute(sessions, replies, buttons)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Retry];

    // A fresh sign-in link closes the one on the card: only its starter or staff may do that.
    protected override OnboardingButtonUse Use(OnboardingSession session) =>
        session.NeedsNewSignIn ? OnboardingButtonUse.StarterOrStaff : OnboardingButtonUse.AnyoneHere;

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.RetryAsync(session, command.User, cancellationToken);
}

/// <summary><c>onboarding.cancel</c>: the card's Cancel button, and the one staff get for an onboarding elsewhere.</summary>
public sealed class CancelSessionRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingButtons buttons) : SessionCommandRoute(sessions, replies, buttons)
{
    private readonly OnboardingButtons _buttons = buttons;

    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.CancelSession];

    protected override bool WorksFromElsewhere => true;

    protected override OnboardingButtonUse Use(OnboardingSession session) => OnboardingButtonUse.StarterOrStaff;

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        _buttons.CancelAsync(command, session, cancellationToken);
}

/// <summary><c>onboarding.replace-certificate</c>: after NetSuite refused the app's own sign-in, a new certificate replaces the uploaded one.</summary>
public sealed class ReplaceCertificateRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingButtons buttons, OnboardingFlow flow) : SessionCommandRoute(sessions, replies, buttons)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.ReplaceCertificate];

    protected override OnboardingButtonUse Use(OnboardingSession session) => OnboardingButtonUse.StarterOrStaff;

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.ReplaceCertificateAsync(session, command.User, cancellationToken);
}

/// <summary><c>onboarding.sign-in-again</c>: a fresh sign-in link, e.g. to choose another role after the pre-flight.</summary>
public sealed class SignInAgainRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingButtons buttons, OnboardingFlow flow) : SessionCommandRoute(sessions, replies, buttons)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.SignInAgain];

    // A fresh sign-in link revokes the current access and closes the link on the card: only its starter or staff may.
    protected override OnboardingButtonUse Use(OnboardingSession session) => OnboardingButtonUse.StarterOrStaff;

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.SignInAgainAsync(session, command.User, cancellationToken);
}
