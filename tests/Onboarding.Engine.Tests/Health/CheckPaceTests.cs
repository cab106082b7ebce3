using Onboarding.Engine.Health;

namespace Onboarding.Engine.Tests.Health;

public sealed class CheckPaceTests
{
    [Fact]
    public void Before_any_check_is_timed_a_claim_holds_64_whatever_the_workers()
    {
        var pace = new CheckPace();

        Assert.Equal(64, pace.ClaimSize(workers: 0));
        Assert.Equal(64, pace.ClaimSize(workers: 40));
    }

    [Theory]
    [InlineData(0.0005, 4, 250)] // a quick NetSuite: a quarter-second of work is 2,000 checks, so the cap
    [InlineData(0.1, 8, 20)] // 100 ms a check, 8 workers: 80 checks a second, a quarter of that
    [InlineData(0.25, 64, 64)] // 250 ms a check, 64 workers
    [InlineData(0.25, 1, 16)] // one worker at 250 ms would get through one: never less than 16
    public void A_claim_holds_what_the_workers_get_through_in_a_quarter_of_a_second(double secondsPerCheck, int workers, int expected)
    {
        var pace = new CheckPace();
        pace.Record(TimeSpan.FromSeconds(secondsPerCheck));

        Assert.Equal(expected, pace.ClaimSize(workers));
    }

    [Theory]
    [InlineData(0.25, 10_000, 64)] // 10,000 due at 250 ms within 15 s would take 167 at once: the cap
    [InlineData(0.25, 300, 5)] // 300 × 0.25 s ÷ 15 s
    [InlineData(0.0005, 10_000, 4)] // quick checks: the floor of four
    [InlineData(0.0005, 2, 2)] // never more than are due
    public void Checks_at_once_follow_the_work_due_within_one_cycle_interval(double secondsPerCheck, long due, int expected)
    {
        var pace = new CheckPace();
        pace.Record(TimeSpan.FromSeconds(secondsPerCheck));

        Assert.Equal(expected, pace.ConcurrencyFor(due, new HealthOptions { CycleInterval = TimeSpan.FromSeconds(15), MaxConcurrentChecks = 64 }));
    }
}
