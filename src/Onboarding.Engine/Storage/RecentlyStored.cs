using System.Collections.Concurrent;

namespace Onboarding.Engine.Storage;

/// <summary>
/// What this instance wrote lately, per key, so that a turn answered on the spot (help) and repeating it costs no database
/// write and takes no turn at SQLite's single writer. Only an optimisation: another instance may have written since, which
/// the next turn that is not instant writes over.
/// </summary>
internal sealed class RecentlyStored<T>(TimeProvider timeProvider)
{
    // Keys remembered, beyond which the memory is simply cleared (a bound, not a cache policy worth more).
    private const int Limit = 10_000;

    // How long a repeat is trusted to be what the database still holds.
    private static readonly TimeSpan TrustedFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset At)> _recent = new(StringComparer.Ordinal);

    public bool Holds(string key, T value) =>
        _recent.TryGetValue(key, out var recent)
        && EqualityComparer<T>.Default.Equals(recent.Value, value)
        && timeProvider.GetUtcNow() - recent.At < TrustedFor;

    public void Remember(string key, T value)
    {
        if (_recent.Count >= Limit)
        {
            _recent.Clear();
        }

        _recent[key] = (value, timeProvider.GetUtcNow());
    }
}
