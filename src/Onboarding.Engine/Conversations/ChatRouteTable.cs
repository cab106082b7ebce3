namespace Onboarding.Engine.Conversations;

/// <summary>
/// Which route answers each verb. Every verb has exactly one route: two routes claiming one verb is a wiring mistake,
/// refused when the table is built (at start-up, see <see cref="ChatRouteTableCheck"/>) instead of letting registration
/// order decide which of them runs.
/// </summary>
public sealed class ChatRouteTable
{
    private readonly Dictionary<string, IChatCommandRoute> _routes = new(StringComparer.OrdinalIgnoreCase);

    public ChatRouteTable(IEnumerable<IChatCommandRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var clashes = new List<string>();
        foreach (var route in routes)
        {
            foreach (var verb in route.Verbs)
            {
                if (_routes.TryGetValue(verb, out var first))
                {
                    clashes.Add($"'{verb}' is claimed by both {first.GetType().Name} and {route.GetType().Name}");
                    continue;
                }

                _routes[verb] = route;
            }
        }

        if (clashes.Count > 0)
        {
            throw new InvalidOperationException(
                $"Each chat command verb must have exactly one route: {string.Join("; ", clashes)}. Remove one of the registrations (IChatCommandRoute).");
        }

        Fallback = _routes.TryGetValue(ChatVerbs.Help, out var help)
            ? help
            : throw new InvalidOperationException($"No chat command route handles '{ChatVerbs.Help}', which also answers unknown input.");
    }

    /// <summary>Every verb with a route, sorted.</summary>
    public IReadOnlyList<string> Verbs => [.. _routes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The route of <c>help</c>, which also answers anything not understood.</summary>
    public IChatCommandRoute Fallback { get; }

    /// <summary>The route for <paramref name="verb"/>, or <see cref="Fallback"/>.</summary>
    public IChatCommandRoute Find(string verb) => _routes.GetValueOrDefault(verb.Trim(), Fallback);
}
