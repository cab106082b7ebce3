using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// A simulated calendar with real durations: the date moves only when the benchmark sets it (an hour of token lifetimes
/// in a few cycles), while elapsed time is the machine's, as the monitor sees it in production. The monitor sizes its
/// concurrency from how long checks take, so a frozen stopwatch would make every check look instant.
/// </summary>
public sealed class CalendarClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => Stopwatch.GetTimestamp();
}
