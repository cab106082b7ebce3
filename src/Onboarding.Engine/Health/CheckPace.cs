namespace Onboarding.Engine.Health;

/// <summary>
/// How many checks one instance runs at once: as many as it takes to get through the tenants still due within one cycle
/// interval at the NetSuite latency seen so far (docs/scale-out.md). Each tenant is its own NetSuite account with its own
/// request limits, so the only cap is <c>Health:MaxConcurrentChecks</c>. And how many tenants it claims at a time.
/// </summary>
internal sealed class CheckPace
{
    // Checks kept in flight however fast NetSuite answers, so the monitor's own writes never stall the checks.
    private const int MinConcurrency = 4;

    // Tenants per claim: as many as the workers get through in about a quarter of a second, so instances sharing a cycle
    // finish it within about that of each other (none holds much work the others could have done); at least 16, and at
    // most 250, so that a claim is over long before it lapses. A claim costs a fixed part (its statements and transaction:
    // about 0.3 ms on SQLite, docs/benchmarks.md) beside its part per tenant, so with quick checks it is as large as that
    // allows. Before the first answer nothing says how long a check takes: the first claim is 64.
    private const int FirstClaim = 64;
    private const int MinClaim = 16;
    private const int MaxClaim = 250;
    private static readonly TimeSpan ClaimedWork = TimeSpan.FromMilliseconds(250);

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

    /// <summary>How many tenants to claim at once with <paramref name="workers"/> checking them.</summary>
    public int ClaimSize(int workers)
    {
        double? seconds;
        lock (_gate)
        {
            seconds = _checkSeconds;
        }

        var size = seconds is > 0 and var s ? Math.Max(workers, 1) * ClaimedWork.TotalSeconds / s : FirstClaim;
        return (int)Math.Clamp(size, MinClaim, MaxClaim);
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
