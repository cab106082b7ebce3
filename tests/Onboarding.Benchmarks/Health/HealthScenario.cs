using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// (d) The health monitor over a fleet of connected tenants, wired as the host wires it (storage, NetSuite clients,
/// health) against the sandbox in its own process. Simulated time: a cold cycle (every token minted, bundle checked),
/// a warm one a check interval later (the steady state: cached token + SuiteQL probe), one just before the tokens'
/// renewal margin, one just after, and a warm one to close an hour. The sandbox's raw SuiteQL round-trip rate is measured
/// at the same concurrency after the last cycle.
/// </summary>
public static class HealthScenario
{
    public const double TargetRateShare = 0.80;
    public const double TargetMintsPerTenantHour = 1.0;
    public const double TargetPeakMegabytes = 250;

    public static async Task<ResultTable> RunAsync(RunSize size)
    {
        var tenantCount = size.Pick(300, 10_000);
        using var directory = new TestDirectory();
        var seed = TenantSeed.Write(tenantCount, directory.Path);
        await using var sandbox = await SandboxProcess.StartAsync(seed, TimeSpan.FromMinutes(5));

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var alerts = new NoAlerts();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:DatabasePath"] = Path.Combine(directory.Path, "onboarding.db"),
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddEngineStorage();
        builder.Services.AddNetSuiteClients(builder.Configuration);
        builder.Services.PostConfigure<NetSuiteOptions>(o => o.UseSandboxLayout(sandbox.BaseAddress));
        builder.Services.AddConnectionHealth(builder.Configuration);
        builder.Services.AddSingleton<IChatPublisher>(alerts);
        using var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);

        var setup = Stopwatch.StartNew();
        var accounts = await TenantFleet.ConnectAsync(host.Services, tenantCount, parallelism: 8, clock);
        Console.WriteLine($"{accounts.Count} tenants connected in {setup.Elapsed.TotalSeconds:F0} s");

        var settings = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthOptions>>().Value;
        var monitor = host.Services.GetRequiredService<HealthMonitor>();
        using var counters = new MonitorCounters();
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var start = clock.GetUtcNow();
        var step = settings.CheckInterval + settings.CheckJitter + TimeSpan.FromSeconds(1);

        PeakMemory.ResetForThisProcess();
        var resident = PeakMemory.CurrentMegabytes();
        var cold = await CycleAsync("cold", start, monitor, counters, clock, control);
        var warm = await CycleAsync("warm", start + step, monitor, counters, clock, control);
        var renewalAt = TimeSpan.FromMinutes(60) - host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NetSuiteOptions>>().Value.TokenRefreshMargin;
        var beforeRenewal = await CycleAsync("before renewal", start + renewalAt - TimeSpan.FromMinutes(1), monitor, counters, clock, control);
        var afterRenewal = await CycleAsync("after renewal", start + renewalAt + step, monitor, counters, clock, control);
        var closing = await CycleAsync("hour closed", start + renewalAt + step + step, monitor, counters, clock, control);
        var peak = PeakMemory.MegabytesOf();
        var retained = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;

        // After the peak is read: the baseline's own 10,000 requests are not the monitor's memory.
        var raw = await RawRoundTripsAsync(host.Services, accounts, settings.MaxConcurrentChecks, sandbox.BaseAddress, Onboarding.Engine.Kit.ConnectionProbe.QueryFor(new Onboarding.Engine.Onboarding.OnboardingOptions()));

        // The hour from the warm cycle on: every check in it after the cold start, the renewal included.
        var hour = closing.At - warm.At;
        var mintsInHour = warm.Mints + beforeRenewal.Mints + afterRenewal.Mints + closing.Mints;
        var mintsPerTenantHour = mintsInHour / (double)accounts.Count / hour.TotalHours;

        var table = new ResultTable("d. health monitor");
        table.Report("tenants, concurrency", $"{accounts.Count} tenants, {settings.MaxConcurrentChecks} checks at a time (Health:MaxConcurrentChecks)");
        foreach (var cycle in new[] { cold, warm, beforeRenewal, afterRenewal, closing })
        {
            table.Report($"cycle '{cycle.Name}' at +{(cycle.At - start).TotalMinutes:F1} min", cycle.ToString());
        }

        table.Report("sandbox raw SuiteQL round trips", $"{raw:F0}/s");
        table.AtLeast("warm-cycle checks/s ÷ raw round trips/s", warm.ChecksPerSecond / raw * 100, TargetRateShare * 100, " %", "F0");
        table.AtMost("token mints per tenant per hour", mintsPerTenantHour, TargetMintsPerTenantHour, "", "F2");
        table.Report("resident memory before the first cycle (host, stores, clients, fleet set-up collected)", $"{resident:F0} MB");
        table.Below("peak memory (monitor process, from the cold cycle on)", peak, TargetPeakMegabytes, " MB", "F0");
        table.Report("managed heap still reachable after the cycles (full GC)", $"{retained:F0} MB");
        table.Report("sandbox process peak memory", $"{PeakMemory.MegabytesOf(sandbox.Id):F0} MB");
        table.Report("alerts posted", alerts.Published.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    private static async Task<Cycle> CycleAsync(
        string name, DateTimeOffset at, HealthMonitor monitor, MonitorCounters counters, FakeTimeProvider clock, HttpClient control)
    {
        clock.SetUtcNow(at);
        // The sandbox's clock only moves forward: bring it up to the engine's so tokens expire alike on both sides.
        var sandboxNow = (await control.GetFromJsonAsync<SandboxClock>("_sandbox/clock"))!.Now;
        if (at > sandboxNow)
        {
            (await control.PostAsJsonAsync("_sandbox/clock/advance", new { seconds = (int)Math.Ceiling((at - sandboxNow).TotalSeconds) })).EnsureSuccessStatusCode();
        }

        var (passed, failed, mints) = (counters.Passed, counters.Failed, counters.Mints);
        var started = Stopwatch.GetTimestamp();
        var summary = await monitor.RunCycleAsync(CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cycle = new Cycle(name, at, summary.Checked, counters.Passed - passed, counters.Failed - failed, counters.Mints - mints, elapsed);
        Console.WriteLine($"cycle {cycle.Name}: {cycle}");
        return cycle;
    }

    // The same SuiteQL probe a connection check sends, with each tenant's (already cached) token, from a plain client
    // at the monitor's concurrency: what the sandbox can answer when nothing but HTTP stands between.
    private static async Task<double> RawRoundTripsAsync(IServiceProvider services, IReadOnlyList<AccountId> accounts, int concurrency, Uri sandbox, string query)
    {
        var keys = services.GetRequiredService<ITenantKeyRing>();
        var tokens = services.GetRequiredService<IClientCredentialsTokens>();
        var requests = new List<(Uri Url, string Token)>();
        foreach (var account in accounts)
        {
            var credential = await keys.CredentialAsync((await keys.ActiveKeyAsync(account, CancellationToken.None))!, CancellationToken.None);
            var token = await tokens.GetAsync(credential!, CancellationToken.None);
            requests.Add((new Uri(sandbox, $"{account.ToString().ToLowerInvariant().Replace('_', '-')}/services/rest/query/v1/suiteql?limit=1"), token.Value.Value));
        }

        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (request, ct) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = JsonContent.Create(new { q = query }) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
            message.Headers.Add("Prefer", "transient");
            using var response = await client.SendAsync(message, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var rate = requests.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"raw SuiteQL: {requests.Count} round trips at {rate:F0}/s, {failures} failed");
        return rate;
    }

    private sealed record SandboxClock(DateTimeOffset Now);

    private sealed record Cycle(string Name, DateTimeOffset At, int Checked, long Passed, long Failed, long Mints, TimeSpan Elapsed)
    {
        public double ChecksPerSecond => Checked / Elapsed.TotalSeconds;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Checked} tenants checked in {Elapsed.TotalSeconds:F1} s ({ChecksPerSecond:F0}/s); checks passed {Passed}, failed {Failed}; tokens minted {Mints}");
    }
}
