namespace Onboarding.Engine.Conversations;

/// <summary>
/// Handles the chat commands with the given verbs. Routes are registered in DI; when two claim the same verb the one
/// registered last wins, so a module added later (health monitoring's <c>alerts</c>, <c>rotate</c>) replaces a placeholder.
/// </summary>
public interface IChatCommandRoute
{
    IReadOnlyCollection<string> Verbs { get; }

    Task HandleAsync(ChatCommand command, CancellationToken cancellationToken);

    /// <inheritdoc cref="IChatCommandHandler.AnswersAtOnce"/>
    bool AnswersAtOnce => false;
}
