using Onboarding.Engine.Diagnostics;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The engine's <see cref="IChatCommandHandler"/>: hands each command to the route for its verb (<see cref="ChatRouteTable"/>);
/// anything unknown gets help, never silence. Deliveries a platform sends again are recognised before they get here, by
/// the command inbox.
/// </summary>
public sealed class ChatCommandRouter(ChatRouteTable routes) : IChatCommandHandler
{
    /// <summary>The verb whose route also answers unknown input.</summary>
    public const string HelpVerb = ChatVerbs.Help;

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var route = routes.Find(command.Verb);

        // The span is named after the route's verb, never the typed word: unknown input may be anything a person wrote.
        var verb = route.Verbs.FirstOrDefault(v => v.Equals(command.Verb.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "unknown";
        using var turn = EngineActivities.Conversations.StartActivity($"chat {verb}");
        turn?.SetTag(EngineTags.Verb, verb);
        turn?.SetTag(EngineTags.Channel, command.Conversation.Channel);
        await route.HandleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public bool AnswersAtOnce(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return routes.Find(command.Verb).AnswersAtOnce;
    }
}
