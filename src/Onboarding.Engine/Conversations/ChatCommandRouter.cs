using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The engine's <see cref="IChatCommandHandler"/>: drops repeated deliveries (a platform re-sending what it got no answer to)
/// and hands each command to the route for its verb; anything unknown gets help, never silence.
/// </summary>
public sealed class ChatCommandRouter : IChatCommandHandler
{
    private readonly Dictionary<string, IChatCommandRoute> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly IChatCommandRoute _fallback;
    private readonly DeliveryLog _deliveries;
    private readonly ILogger<ChatCommandRouter> _logger;

    public ChatCommandRouter(IEnumerable<IChatCommandRoute> routes, DeliveryLog deliveries, ILogger<ChatCommandRouter> logger)
    {
        foreach (var route in routes)
        {
            foreach (var verb in route.Verbs)
            {
                _routes[verb] = route;
            }
        }

        _fallback = _routes.TryGetValue(HelpVerb, out var help) ? help : throw new InvalidOperationException($"No chat command route handles '{HelpVerb}'.");
        _deliveries = deliveries;
        _logger = logger;
    }

    /// <summary>The verb whose route also answers unknown input.</summary>
    public const string HelpVerb = ChatVerbs.Help;

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.DeliveryId is { Length: > 0 } deliveryId
            && !await _deliveries.TryRecordAsync(command.Conversation, deliveryId, cancellationToken).ConfigureAwait(false))
        {
            RepeatedDelivery(_logger, deliveryId);
            return;
        }

        var route = _routes.GetValueOrDefault(command.Verb.Trim(), _fallback);
        await route.HandleAsync(command, cancellationToken).ConfigureAwait(false);
    }
}
