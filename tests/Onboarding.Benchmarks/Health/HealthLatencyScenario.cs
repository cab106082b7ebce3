using Onboarding.Benchmarks.Measurement;
using Onboarding.Engine.Storage;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// (g) One instance with default settings against NetSuite answering every call in <see cref="LatencyMs"/> ms (the sandbox's
/// latency fault, as real NetSuite answers): does it check every tenant within one check interval? The cold cycle (token
/// minted and bundle checked for every tenant: three calls each) and a warm one (the SuiteQL probe) are both timed.
/// </summary>
public static class HealthLatencyScenario
{
    public const int LatencyMs = 250;

    public static async Task<ResultTable> RunAsync(RunSize size)
    {
        var tenantCount = size.Pick(1_000, 10_000);
        await using var bench = await HealthBench.StartAsync(tenantCount, StorageProvider.Sqlite, instances: 1);
        var settings = bench.Settings;
        using var counters = new MonitorCounters();
        var start = bench.Clock.GetUtcNow();
        var step = settings.CheckInterval + settings.CheckJitter + TimeSpan.FromSeconds(1);
        await bench.AddLatencyAsync(TimeSpan.FromMilliseconds(LatencyMs));

        var cold = await bench.CycleAsync("cold", start, counters);
        var warm = await bench.CycleAsync("warm", start + step, counters);

        var table = new ResultTable($"g. health monitor, NetSuite {LatencyMs} ms (SQLite, default settings)");
        table.Report("tenants, NetSuite latency", $"{bench.Accounts.Count} tenants; {LatencyMs} ms added to every NetSuite call; Health:MaxConcurrentChecks = {settings.MaxConcurrentChecks}");
        table.Report("cold cycle (mint + probe + bundle check each)", cold.ToString());
        table.Below("cold cycle duration", cold.Elapsed.TotalMinutes, settings.CheckInterval.TotalMinutes, " min", "F1");
        table.Below("warm cycle duration", warm.Elapsed.TotalMinutes, settings.CheckInterval.TotalMinutes, " min", "F1");
        table.Report("warm cycle (probe each)", warm.ToString());
        // A fast cycle of failing checks would say nothing: the durations count only when every check passed.
        table.Below("checks failed in the two cycles", cold.Failed + warm.Failed, 1, "", "F0");
        return table;
    }
}
