namespace Onboarding.Engine.Conversations;

/// <summary>The engine's single entry for chat input; answers go out through <see cref="IChatPublisher"/>.</summary>
public interface IChatCommandHandler
{
    Task HandleAsync(ChatCommand command, CancellationToken cancellationToken);
}
