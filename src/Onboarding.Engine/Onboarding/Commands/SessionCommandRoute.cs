using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// Base of the card buttons that act on one onboarding (<c>session=…</c>). The data is checked strictly: a missing or
/// malformed id, an unknown session, or another conversation's session gets a clear answer and changes nothing.
/// </summary>
public abstract class SessionCommandRoute(OnboardingSessions sessions, CommandReplies replies) : IChatCommandRoute
{
    public abstract IReadOnlyCollection<string> Verbs { get; }

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!command.Data.TryGetValue(OnboardingVerbs.SessionKey, out var text) || !SessionId.TryParse(text, out var id)
            || await sessions.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            await replies.ReplyAsync(command, ReplyViews.UnknownSession(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.Conversation != command.Conversation)
        {
            await replies.ReplyAsync(command, ReplyViews.NotYours(), cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleAsync(command, session, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken);
}

/// <summary><c>onboarding.bundle-check</c>: "I've installed it".</summary>
public sealed class BundleCheckRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingFlow flow) : SessionCommandRoute(sessions, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.BundleCheck];

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.CheckBundleAsync(session, command.User, cancellationToken);
}

/// <summary><c>onboarding.retry</c>: retry the failed or interrupted step, or get a fresh sign-in link.</summary>
public sealed class RetryRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingFlow flow) : SessionCommandRoute(sessions, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Retry];

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.RetryAsync(session, command.User, cancellationToken);
}

/// <summary><c>onboarding.cancel</c>: the card's Cancel button.</summary>
public sealed class CancelSessionRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingFlow flow) : SessionCommandRoute(sessions, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.CancelSession];

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.CancelAsync(session, command.User, cancellationToken);
}

/// <summary><c>onboarding.replace-certificate</c>: after NetSuite refused the app's own sign-in, a new certificate replaces the uploaded one.</summary>
public sealed class ReplaceCertificateRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingFlow flow) : SessionCommandRoute(sessions, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.ReplaceCertificate];

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.ReplaceCertificateAsync(session, command.User, cancellationToken);
}

/// <summary><c>onboarding.sign-in-again</c>: a fresh sign-in link, e.g. to choose another role after the pre-flight.</summary>
public sealed class SignInAgainRoute(OnboardingSessions sessions, CommandReplies replies, OnboardingFlow flow) : SessionCommandRoute(sessions, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.SignInAgain];

    protected override Task HandleAsync(ChatCommand command, OnboardingSession session, CancellationToken cancellationToken) =>
        flow.SignInAgainAsync(session, command.User, cancellationToken);
}
