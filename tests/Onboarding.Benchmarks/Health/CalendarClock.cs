namespace Onboarding.Benchmarks.Health;

/// <summary>
/// A simulated calendar with real durations: the date moves only when the benchmark sets it (an hour of token lifetimes
/// in a few cycles), while elapsed time and timers are the machine's, as the monitor sees them in production. The monitor
/// sizes its concurrency from how long checks take, so a frozen stopwatch would make every check look instant; and the
/// NetSuite clients' timeouts run on real timers, as in production, not on a test clock's (which keeps every timer in one
/// locked list, and reads its date under that lock, at a cost per request the product never pays).
/// </summary>
public sealed class CalendarClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
}
