using Microsoft.Extensions.Logging;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The engine's <see cref="IChatCommandHandler"/>: drops repeated deliveries (a platform re-sending what it got no answer to)
/// and hands each command to the route for its verb (<see cref="ChatRouteTable"/>); anything unknown gets help, never silence.
/// A channel that tells the speaker's locale only when asked (<see cref="IUserLocaleSource"/>) is asked first, so the answer
/// and whatever is posted there later speak the speaker's language.
/// </summary>
public sealed class ChatCommandRouter(
    ChatRouteTable routes,
    DeliveryLog deliveries,
    ConversationLocales locales,
    IEnumerable<IUserLocaleSource> localeSources,
    ILogger<ChatCommandRouter> logger) : IChatCommandHandler
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

        if (command.DeliveryId is { Length: > 0 } deliveryId
            && !await deliveries.TryRecordAsync(command.Conversation, deliveryId, cancellationToken).ConfigureAwait(false))
        {
            RepeatedDelivery(logger, deliveryId);
            turn?.SetTag(EngineTags.Outcome, "repeated");
            return;
        }

        foreach (var source in _localeSources.Where(s => s.Channel.Equals(command.Conversation.Channel, StringComparison.OrdinalIgnoreCase)))
        {
            var told = await source.FindAsync(command.Conversation, command.User, cancellationToken).ConfigureAwait(false);
            await locales.RememberAsync(command.Conversation, told, cancellationToken).ConfigureAwait(false);
        }

        await route.HandleAsync(command, cancellationToken).ConfigureAwait(false);
    }
}
