namespace Onboarding.Engine.Health;

/// <summary>
/// How many checks one instance runs at once: as many as it takes to get through the tenants still due within one cycle
/// interval at the NetSuite latency seen so far (docs/scale-out.md). Each tenant is its own NetSuite account with its own
/// request limits, so the only cap is <c>Health:MaxConcurrentChecks</c>.
/// </summary>
internal sealed class CheckPace
{
    // Checks kept in flight however fast NetSuite answers, so the monitor's own writes never stall the checks.
    private const int MinConcurrency = 4;

    private readonly Lock _gate = new();

    // Mean seconds a check spends waiting on NetSuite, smoothed over recent checks; null until the first is measured (a
    // cycle then starts with a few checks, and grows as soon as the first answers say how slow NetSuite is).
    private double? _checkSeconds;

    public void Record(TimeSpan latency)
    {
        var seconds = latency.TotalSeconds;
        lock (_gate)
        {
            _checkSeconds = _checkSeconds is { } mean ? mean + (seconds - mean) * 0.05 : seconds;
        }
    }

    public int ConcurrencyFor(long due, HealthOptions settings)
    {
        double seconds;
        lock (_gate)
        {
            seconds = _checkSeconds ?? 0;
        }

        // Little's law: to get through `due` checks of `seconds` each within one cycle interval takes due × seconds / interval
        // checks at a time. In steady state that is the arrival rate of due tenants times NetSuite's latency.
        var needed = Math.Max(Math.Ceiling(due * seconds / settings.CycleInterval.TotalSeconds), Math.Min(due, MinConcurrency));
        return (int)Math.Clamp(needed, 1, settings.MaxConcurrentChecks);
    }
}
