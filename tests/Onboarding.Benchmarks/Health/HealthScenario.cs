using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Engine.Health;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// (d) The health monitor over a fleet of connected tenants, wired as the host wires it (storage on SQLite or PostgreSQL,
/// NetSuite clients, health) against the sandbox in its own process. Simulated time: a cold cycle (every token minted,
/// bundle checked), a warm one a check interval later (the steady state: cached token + SuiteQL probe), one just before
/// the tokens' renewal margin, one just after, a warm one to close an hour, and five more warm ones after it. The
/// sandbox's raw SuiteQL round-trip rate is measured five times after the last cycle, at the concurrency of the median of
/// the eight warm cycles, and compared with that median; so is the engine's connection check alone, which splits what the
/// monitor costs into the NetSuite client's share and its own (claims, writes, bookkeeping).
/// </summary>
public static class HealthScenario
{
    public const double TargetRateShare = 0.80;
    public const double TargetMintsPerTenantHour = 1.0;
    public const double TargetPeakMegabytes = 250;

    // Warm cycles after the hour. A monitor runs for days, while the first warm cycles after a cold start still run partly
    // on code the runtime has not yet compiled at its final tier; eight warm cycles in all also keep one stall in either
    // process from deciding the median.
    private const int SteadyCycles = 5;

    private const int RawRuns = 5;

    public static async Task<ResultTable> RunAsync(RunSize size, StorageProvider provider)
    {
        var tenantCount = size.Pick(300, 10_000);
        await using var bench = await HealthBench.StartAsync(tenantCount, provider, instances: 1);
        var settings = bench.Settings;
        var monitor = bench.Instances[0];
        using var counters = new MonitorCounters();
        var start = bench.Clock.GetUtcNow();
        var step = settings.CheckInterval + settings.CheckJitter + TimeSpan.FromSeconds(1);

        PeakMemory.ResetForThisProcess();
        var resident = PeakMemory.DescribeResident();
        var cold = await bench.CycleAsync("cold", start, counters);
        var warm = await bench.CycleAsync("warm", start + step, counters);
        var steady = new List<(HealthBench.Cycle Cycle, int Concurrency)> { (warm, monitor.Monitor.LastConcurrency) };
        var renewalAt = TimeSpan.FromMinutes(60) - monitor.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NetSuiteOptions>>().Value.TokenRefreshMargin;
        var beforeRenewal = await bench.CycleAsync("before renewal", start + renewalAt - TimeSpan.FromMinutes(1), counters);
        steady.Add((beforeRenewal, monitor.Monitor.LastConcurrency));
        var afterRenewal = await bench.CycleAsync("after renewal", start + renewalAt + step, counters);
        var closing = await bench.CycleAsync("hour closed", start + renewalAt + step + step, counters);
        steady.Add((closing, monitor.Monitor.LastConcurrency));
        var after = new List<HealthBench.Cycle>();
        for (var i = 1; i <= SteadyCycles; i++)
        {
            after.Add(await bench.CycleAsync($"steady {i}", closing.At + step * i, counters));
            steady.Add((after[^1], monitor.Monitor.LastConcurrency));
        }

        var peak = PeakMemory.MegabytesOf();
        var retained = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;

        // After the peak is read: the baseline's own requests are not the monitor's memory.
        var probe = Onboarding.Engine.Kit.ConnectionProbe.QueryFor(monitor.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Onboarding.Engine.Onboarding.OnboardingOptions>>().Value);
        // Each rate comes from a second or two of work, so one stall (a collection, a recompilation in either process) moves
        // it by a fifth: the ratio compares medians — of the eight warm cycles (the lower of the middle two), and of five raw
        // runs at the concurrency the median cycle ran at.
        var median = steady.OrderBy(c => c.Cycle.ChecksPerSecond).ElementAt((steady.Count - 1) / 2);
        var warmConcurrency = median.Concurrency;
        var raws = new List<Throughput>();
        for (var i = 0; i < RawRuns; i++)
        {
            raws.Add(await RawRoundTripsAsync(monitor.Services, bench.Accounts, warmConcurrency, bench.Sandbox, probe));
        }

        var raw = raws.OrderBy(r => r.Rate).ElementAt(RawRuns / 2);
        var warmRate = median.Cycle.ChecksPerSecond;
        var engine = await EngineChecksAsync(monitor.Services, bench.Accounts, warmConcurrency, bench.Sandbox);

        // The hour from the warm cycle on: every check in it after the cold start, the renewal included.
        var hour = closing.At - warm.At;
        var mintsInHour = warm.Mints + beforeRenewal.Mints + afterRenewal.Mints + closing.Mints;
        var mintsPerTenantHour = mintsInHour / (double)bench.Accounts.Count / hour.TotalHours;

        var table = new ResultTable($"d. health monitor ({provider})");
        table.Report("tenants, database", $"{bench.Accounts.Count} tenants on {monitor.Services.GetRequiredService<Database>().Provider}; checks at once follow the work (up to Health:MaxConcurrentChecks = {settings.MaxConcurrentChecks})");
        foreach (var cycle in new[] { cold, warm, beforeRenewal, afterRenewal, closing }.Concat(after))
        {
            table.Report($"cycle '{cycle.Name}' at +{(cycle.At - start).TotalMinutes:F1} min", cycle.ToString());
        }

        table.Report($"sandbox raw SuiteQL round trips at the median cycle's concurrency, '{median.Cycle.Name}' (median of five runs)", $"{raw}; the five: {string.Join(", ", raws.Select(r => r.Rate.ToString("F0", CultureInfo.InvariantCulture)))}/s");
        table.Report("the engine's connection checks alone: no claims, no writes, same concurrency", $"{engine}; {engine.Rate / raw.Rate * 100:F0} % of raw");
        table.Report("the first warm cycle alone (after the cold start) ÷ raw", $"{warm.ChecksPerSecond / raw.Rate * 100:F0} %");

        // Both sides run on the same two cores, busy throughout: the rate share cannot exceed the share of processor time.
        table.Report(
            "processor time per check, median warm cycle ÷ raw round trip (every process: the ceiling of the rate share)",
            string.Create(CultureInfo.InvariantCulture, $"{median.Cycle.TotalCpu:F0} µs ÷ {raw.TotalCpu:F0} µs: at most {raw.TotalCpu / median.Cycle.TotalCpu * 100:F0} %"));
        table.AtLeast("warm-cycle checks/s ÷ raw round trips/s (medians: of the eight warm cycles; of five raw runs)", warmRate / raw.Rate * 100, TargetRateShare * 100, " %", "F0");
        table.AtMost("token mints per tenant per hour", mintsPerTenantHour, TargetMintsPerTenantHour, "", "F2");
        table.Report("resident memory before the first cycle (host, stores, clients, fleet set-up collected)", resident);
        table.Below("peak memory (monitor process, from the cold cycle on)", peak, TargetPeakMegabytes, " MB", "F0");
        table.Report("managed heap still reachable after the cycles (full GC)", $"{retained:F0} MB");
        table.Report("sandbox process peak memory", $"{PeakMemory.MegabytesOf(bench.Sandbox.Id):F0} MB");
        table.Report("alerts posted", bench.Alerts.Published.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    // The engine's connection check (cached token, SuiteQL client with its resilience pipeline) for every tenant at the
    // same concurrency, outside the monitor: what the monitor's claims, writes and bookkeeping add is the difference.
    private static async Task<Throughput> EngineChecksAsync(IServiceProvider services, IReadOnlyList<AccountId> accounts, int concurrency, SandboxProcess sandbox)
    {
        var keys = services.GetRequiredService<ITenantKeyRing>();
        var checks = services.GetRequiredService<TenantChecks>();
        var work = new List<(AccountId Account, TenantKey? Key)>();
        foreach (var account in accounts)
        {
            work.Add((account, await keys.ActiveKeyAsync(account, CancellationToken.None)));
        }

        return await Throughput.MeasureAsync(work, concurrency, sandbox, async (item, ct) => (await checks.CheckConnectionAsync(item.Account, item.Key, ct)).Succeeded);
    }

    // The same SuiteQL probe a connection check sends, with each tenant's (already cached) token, from a plain client at
    // the monitor's concurrency: what the sandbox can answer when nothing but HTTP stands between.
    private static async Task<Throughput> RawRoundTripsAsync(IServiceProvider services, IReadOnlyList<AccountId> accounts, int concurrency, SandboxProcess sandbox, string query)
    {
        var keys = services.GetRequiredService<ITenantKeyRing>();
        var tokens = services.GetRequiredService<IClientCredentialsTokens>();
        var requests = new List<(Uri Url, string Token)>();
        foreach (var account in accounts)
        {
            var credential = await keys.CredentialAsync((await keys.ActiveKeyAsync(account, CancellationToken.None))!, CancellationToken.None);
            var token = await tokens.GetAsync(credential!, CancellationToken.None);
            requests.Add((new Uri(sandbox.BaseAddress, $"{account.HostLabel}/services/rest/query/v1/suiteql?limit=1"), token.Value.Value));
        }

        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        return await Throughput.MeasureAsync(requests, concurrency, sandbox, async (request, ct) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = JsonContent.Create(new { q = query }) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
            message.Headers.Add("Prefer", "transient");
            using var response = await client.SendAsync(message, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return response.IsSuccessStatusCode;
        });
    }

    // A baseline's rate and the processor time per request on each side; a ratio counts only when none failed.
    private sealed record Throughput(int Requests, int Failed, double Rate, int Concurrency, double OwnCpu, double SandboxCpu, double AllocatedKilobytes)
    {
        /// <summary>Processor time per request on both sides: this process's and the sandbox's.</summary>
        public double TotalCpu => OwnCpu + SandboxCpu;

        public static async Task<Throughput> MeasureAsync<T>(IReadOnlyList<T> work, int concurrency, SandboxProcess sandbox, Func<T, CancellationToken, Task<bool>> one)
        {
            var failed = 0;
            var processor = ProcessorTime.Start(sandbox.Id);
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, ct) =>
            {
                if (!await one(item, ct))
                {
                    Interlocked.Increment(ref failed);
                }
            });
            var rate = work.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
            var (own, sandboxCpu) = processor.MicrosecondsPer(work.Count);
            var measured = new Throughput(work.Count, failed, failed == 0 ? rate : double.NaN, concurrency, own, sandboxCpu, processor.KilobytesAllocatedPer(work.Count));
            Console.WriteLine($"baseline: {measured}");
            return measured;
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Rate:F0}/s at {Concurrency} at a time, {Failed} of {Requests} failed; processor time per request: {OwnCpu:F0} µs in this process, sandbox {SandboxCpu:F0} µs; allocated per request {AllocatedKilobytes:F1} KB");
    }
}
