using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The engine's <see cref="IChatCommandHandler"/>: hands each command to the route for its verb (<see cref="ChatRouteTable"/>);
/// anything unknown gets help, never silence. Deliveries a platform sends again are recognised before they get here, by
/// the command inbox. A channel that tells the speaker's locale only when asked (<see cref="IUserLocaleSource"/>) is asked
/// first, so the answer and whatever is posted there later speak the speaker's language.
/// </summary>
public sealed class ChatCommandRouter(
    ChatRouteTable routes,
    ConversationLocales locales,
    IEnumerable<IUserLocaleSource> localeSources) : IChatCommandHandler
{
    private readonly IUserLocaleSource[] _localeSources = [.. localeSources];

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

        foreach (var source in _localeSources.Where(s => s.Channel.Equals(command.Conversation.Channel, StringComparison.OrdinalIgnoreCase)))
        {
            var told = await source.FindAsync(command.Conversation, command.User, cancellationToken).ConfigureAwait(false);
            await locales.RememberAsync(command.Conversation, told, cancellationToken).ConfigureAwait(false);
        }

        await route.HandleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public bool AnswersAtOnce(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return routes.Find(command.Verb).AnswersAtOnce;
    }
}
