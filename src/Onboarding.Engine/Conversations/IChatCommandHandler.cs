namespace Onboarding.Engine.Conversations;

/// <summary>The engine's single entry for chat input; answers go out through <see cref="IChatPublisher"/>.</summary>
public interface IChatCommandHandler
{
    Task HandleAsync(ChatCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="command"/> only shows something that needs neither NetSuite nor a change to stored state
    /// (help, the welcome): a channel may then run it within the platform's own request instead of through the inbox, and
    /// running it twice for a re-sent delivery does no harm.
    /// </summary>
    bool AnswersAtOnce(ChatCommand command) => false;
}
