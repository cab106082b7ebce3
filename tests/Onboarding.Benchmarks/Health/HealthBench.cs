using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// What the health scenarios share: a sandbox in its own process seeded with the tenants, a database on the chosen
/// provider, one or more monitor instances on it (each wired as the host wires it, with its own caches and name), the
/// tenants connected through the engine's clients, and a simulated clock the sandbox's own clock follows.
/// </summary>
public sealed class HealthBench : IAsyncDisposable
{
    private readonly TestDirectory _directory;
    private readonly TemporaryDatabase _database;
    private readonly List<MonitorInstance> _instances;
    private readonly HttpClient _control;

    private HealthBench(TestDirectory directory, SandboxProcess sandbox, TemporaryDatabase database, List<MonitorInstance> instances, CalendarClock clock, IReadOnlyList<AccountId> accounts, NoAlerts alerts)
    {
        _directory = directory;
        Sandbox = sandbox;
        _database = database;
        _instances = instances;
        Clock = clock;
        Accounts = accounts;
        Alerts = alerts;
        _control = new HttpClient { BaseAddress = sandbox.BaseAddress };
    }

    public SandboxProcess Sandbox { get; }

    public CalendarClock Clock { get; }

    public IReadOnlyList<AccountId> Accounts { get; }

    public NoAlerts Alerts { get; }

    public IReadOnlyList<MonitorInstance> Instances => _instances;

    public HealthOptions Settings => Instances[0].Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthOptions>>().Value;

    public static async Task<HealthBench> StartAsync(int tenants, StorageProvider provider, int instances, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = new TestDirectory();
        var seed = TenantSeed.Write(tenants, directory.Path);
        var sandbox = await SandboxProcess.StartAsync(seed, TimeSpan.FromMinutes(5));
        var database = await TemporaryDatabase.CreateAsync(provider);
        var clock = new CalendarClock(DateTimeOffset.UtcNow);
        var alerts = new NoAlerts();
        var host = new Dictionary<string, string?>(database.HostSettings)
        {
            // The bot's log level (appsettings.json): whatever the monitor logs at it is part of what a check costs (a line
            // per NetSuite request once cost each check about 30 µs, docs/benchmarks.md). Only the fleet's set-up, which is
            // not measured, is left out: it authorizes every tenant, a line each.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Onboarding.Engine.NetSuite.NetSuiteAuthorization"] = "Warning",
        };
        if (provider == StorageProvider.Sqlite)
        {
            host["Storage:DatabasePath"] = Path.Combine(directory.Path, "onboarding.db");
        }

        var monitors = new List<MonitorInstance>();
        for (var i = 0; i < instances; i++)
        {
            monitors.Add(await MonitorInstance.StartAsync(directory.Path, host, sandbox.BaseAddress, clock, alerts, settings));
        }

        var setup = Stopwatch.StartNew();
        var accounts = await TenantFleet.ConnectAsync(monitors[0].Services, tenants, parallelism: 8, clock);
        // The steady state the benchmark stands for: a database whose planner statistics know the fleet (docs/storage.md).
        await database.AnalyzeAsync();
        Console.WriteLine($"{accounts.Count} tenants connected in {setup.Elapsed.TotalSeconds:F0} s on {monitors[0].Services.GetRequiredService<Database>().Description}");
        return new HealthBench(directory, sandbox, database, monitors, clock, accounts, alerts);
    }

    /// <summary>Moves the engine's clock to <paramref name="at"/> and the sandbox's with it, so tokens expire alike on both sides.</summary>
    public async Task SetClockAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        var sandboxNow = (await _control.GetFromJsonAsync<SandboxClock>("_sandbox/clock"))!.Now;
        if (at > sandboxNow)
        {
            (await _control.PostAsJsonAsync("_sandbox/clock/advance", new { seconds = (int)Math.Ceiling((at - sandboxNow).TotalSeconds) })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>From now on every NetSuite REST call (token, SuiteQL, RESTlet) of every account takes <paramref name="latency"/> more.</summary>
    public async Task AddLatencyAsync(TimeSpan latency)
    {
        using var fault = await _control.PostAsJsonAsync("_sandbox/faults", new { pathPattern = "/*/services/rest/*", latencyMs = (int)latency.TotalMilliseconds });
        fault.EnsureSuccessStatusCode();
        using var restlets = await _control.PostAsJsonAsync("_sandbox/faults", new { pathPattern = "/*/app/site/hosting/restlet.nl*", latencyMs = (int)latency.TotalMilliseconds });
        restlets.EnsureSuccessStatusCode();
    }

    /// <summary>Runs one cycle on each of the first <paramref name="count"/> instances at once, at <paramref name="at"/>.</summary>
    public async Task<Cycle> CycleAsync(string name, DateTimeOffset at, MonitorCounters counters, int count = 1)
    {
        await SetClockAsync(at);
        var (passed, failed, mints) = (counters.Passed, counters.Failed, counters.Mints);
        var processor = ProcessorTime.Start(Sandbox.Id);
        var databaseBefore = DatabaseProcessorTime();
        var started = Stopwatch.GetTimestamp();
        var summaries = await Task.WhenAll(_instances.Take(count).Select(i => Task.Run(async () =>
        {
            var summary = await i.Monitor.RunCycleAsync(CancellationToken.None);
            Console.WriteLine($"  {i.Name}: {summary.Checked} checked, done after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            return summary;
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var checkedCount = summaries.Sum(s => s.Checked);
        var (monitorCpu, sandboxCpu) = processor.MicrosecondsPer(checkedCount);
        var databaseCpu = DatabaseProcessorTime() - databaseBefore is { } database && checkedCount > 0
            ? database.TotalMicroseconds / checkedCount
            : double.NaN;
        var cycle = new Cycle(
            name,
            at,
            checkedCount,
            counters.Passed - passed,
            counters.Failed - failed,
            counters.Mints - mints,
            elapsed,
            string.Join("+", _instances.Take(count).Select(i => i.Monitor.LastConcurrency.ToString(CultureInfo.InvariantCulture))),
            monitorCpu,
            sandboxCpu,
            databaseCpu,
            processor.KilobytesAllocatedPer(checkedCount));
        Console.WriteLine($"cycle {cycle.Name}: {cycle}; memory: peak so far {PeakMemory.MegabytesOf():F0} MB, resident {PeakMemory.CurrentMegabytes():F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB");
        return cycle;
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        await Sandbox.DisposeAsync();
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    // On PostgreSQL the database's work is done in the server's processes, on the same two cores; on SQLite it is in the
    // monitor's own process time.
    private TimeSpan? DatabaseProcessorTime() => _database.ServerProcessId is { } server ? ProcessTree.ProcessorTime(server) : null;

    private sealed record SandboxClock(DateTimeOffset Now);

    public sealed record Cycle(
        string Name, DateTimeOffset At, int Checked, long Passed, long Failed, long Mints, TimeSpan Elapsed, string Concurrency, double MonitorCpu, double SandboxCpu, double DatabaseCpu, double AllocatedKilobytes)
    {
        public double ChecksPerSecond => Checked / Elapsed.TotalSeconds;

        /// <summary>Processor time per check in every process doing its work: the monitor, the sandbox and a database server.</summary>
        public double TotalCpu => MonitorCpu + SandboxCpu + (double.IsNaN(DatabaseCpu) ? 0 : DatabaseCpu);

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Checked} tenants checked in {Elapsed.TotalSeconds:F1} s ({ChecksPerSecond:F0}/s, {Concurrency} at a time); checks passed {Passed}, failed {Failed}; tokens minted {Mints}; processor time per check: monitor {MonitorCpu:F0} µs, sandbox {SandboxCpu:F0} µs{(double.IsNaN(DatabaseCpu) ? "" : $", database server {DatabaseCpu:F0} µs")}; allocated per check {AllocatedKilobytes:F1} KB");
    }
}
