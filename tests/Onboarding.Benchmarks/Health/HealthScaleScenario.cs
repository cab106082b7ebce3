using System.Globalization;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Engine.Storage;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// (f) Scale-out of the health monitor: three instances on one PostgreSQL database against one instance, over the same
/// tenants, with NetSuite answering in <see cref="LatencyMs"/> ms and each instance allowed <see cref="ChecksPerInstance"/>
/// checks at a time — so one instance's rate is bounded by its own share of the work, as it is against real NetSuite,
/// and what three add is what the shared claims let through. Same run, same machine: one instance checks every tenant in a
/// warm cycle, then all three run their cycle at once a check interval later.
/// </summary>
public static class HealthScaleScenario
{
    public const double TargetRatio = 2.5;
    public const int ChecksPerInstance = 8;
    public const int LatencyMs = 100;

    public static async Task<ResultTable> RunAsync(RunSize size)
    {
        var tenantCount = size.Pick(600, 3_000);
        await using var bench = await HealthBench.StartAsync(
            tenantCount,
            StorageProvider.PostgreSql,
            instances: 3,
            new Dictionary<string, string?> { ["Health:MaxConcurrentChecks"] = ChecksPerInstance.ToString(CultureInfo.InvariantCulture) });
        var settings = bench.Settings;
        using var counters = new MonitorCounters();
        var start = bench.Clock.GetUtcNow();
        var step = settings.CheckInterval + settings.CheckJitter + TimeSpan.FromSeconds(1);

        // Tokens minted and bundles checked before NetSuite slows down and before anything is measured.
        await bench.CycleAsync("cold (one instance)", start, counters);
        await bench.AddLatencyAsync(TimeSpan.FromMilliseconds(LatencyMs));
        var one = await bench.CycleAsync("warm, one instance", start + step, counters);
        var three = await bench.CycleAsync("warm, three instances at once", start + step + step, counters, count: 3);

        var table = new ResultTable("f. health monitor scale-out (PostgreSQL)");
        table.Report("tenants, NetSuite latency, checks at once per instance", $"{bench.Accounts.Count} tenants; {LatencyMs} ms per NetSuite call; at most {ChecksPerInstance} per instance");
        table.Report("one instance", one.ToString());
        table.Report("three instances", three.ToString());
        table.AtLeast("three instances' checks/s ÷ one instance's", three.ChecksPerSecond / one.ChecksPerSecond, TargetRatio, "×");
        // A fast cycle of failing checks would say nothing: the ratio counts only when every check passed.
        table.Below("checks failed in the measured cycles", one.Failed + three.Failed, 1, "", "F0");
        return table;
    }
}
