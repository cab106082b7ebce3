namespace Onboarding.Engine.Conversations;

/// <summary>
/// The engine's <see cref="IChatCommandHandler"/>: hands each command to the route for its verb; anything unknown gets help,
/// never silence. Deliveries a platform sends again are recognised before they get here, by the command inbox.
/// </summary>
public sealed class ChatCommandRouter : IChatCommandHandler
{
    private readonly Dictionary<string, IChatCommandRoute> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly IChatCommandRoute _fallback;

    public ChatCommandRouter(IEnumerable<IChatCommandRoute> routes)
    {
        foreach (var route in routes)
        {
            foreach (var verb in route.Verbs)
            {
                _routes[verb] = route;
            }
        }

        _fallback = _routes.TryGetValue(HelpVerb, out var help) ? help : throw new InvalidOperationException($"No chat command route handles '{HelpVerb}'.");
    }

    /// <summary>The verb whose route also answers unknown input.</summary>
    public const string HelpVerb = ChatVerbs.Help;

    public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RouteOf(command).HandleAsync(command, cancellationToken);
    }

    public bool AnswersAtOnce(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RouteOf(command).AnswersAtOnce;
    }

    private IChatCommandRoute RouteOf(ChatCommand command) => _routes.GetValueOrDefault(command.Verb.Trim(), _fallback);
}
