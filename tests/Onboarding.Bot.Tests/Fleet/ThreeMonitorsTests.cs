using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.NetSuiteSandbox;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Bot.Tests.Fleet;

/// <summary>
/// Three instances' health monitors on one PostgreSQL database and one sandbox with 1,000 connected tenants: every tenant is
/// checked exactly once per interval between them, and each incident raises one alert.
/// </summary>
public sealed class ThreeMonitorsTests : IAsyncLifetime
{
    private const int Tenants = 1_000;
    private const int Broken = 5;

    private readonly TestDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly RecordingChatPublisher _alerts = new();
    private readonly List<MonitorInstance> _instances = [];
    private TemporaryDatabase? _database;
    private SandboxServer? _sandbox;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory.Dispose();
    }

    [SkippableFact]
    public async Task Each_tenant_is_checked_once_per_interval_and_each_incident_alerts_once()
    {
        _database = await TemporaryDatabase.CreateAsync(StorageProvider.PostgreSql);
        _sandbox = await SandboxServer.StartAsync(o =>
        {
            o.SeedFile = TenantSeed.Write(Tenants, _directory.Path);
            o.EnableTestControl = true;
            o.AllowLoopbackHttpRedirects = true;
        });
        // Time is simulated, so a NetSuite retry's back-off would never end: the outage is seen at the first answer.
        var settings = new Dictionary<string, string?> { ["Health:CheckJitter"] = "00:00:00", ["NetSuite:MaxRetryAttempts"] = "0" };
        for (var i = 0; i < 3; i++)
        {
            _instances.Add(await MonitorInstance.StartAsync(_directory.Path, _database.HostSettings, _sandbox.BaseAddress, _clock, _alerts, settings));
        }

        var accounts = await TenantFleet.ConnectAsync(_instances[0].Services, Tenants, parallelism: 8, _clock);
        var ops = new ConversationKey("msteams", "tenant-1", "ops");
        await _instances[0].Services.GetRequiredService<AlertSubscriptionStore>().SubscribeAsync(ops, new ChatUser("staff", "Sam"), CancellationToken.None);
        var start = _clock.GetUtcNow();

        var first = await RoundAsync(start);
        var broken = accounts.Take(Broken).ToList();
        foreach (var account in broken)
        {
            await BreakInSandboxAsync(account);
        }

        // NetSuite unavailable is a passing cause: the third failure in a row opens the incident.
        var everyone = await RoundAsync(start + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var second = await RoundAsync(start + TimeSpan.FromMinutes(6) + TimeSpan.FromSeconds(2));
        var third = await RoundAsync(start + TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(3));
        var nextInterval = await RoundAsync(start + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(2));

        Assert.Equal(Tenants, first.Sum());
        Assert.All(first, share => Assert.True(share > 0, $"Every instance takes part: {string.Join(", ", first)}"));
        Assert.Equal(Tenants, everyone.Sum());
        Assert.Equal(Broken, second.Sum());
        Assert.Equal(Broken, third.Sum());
        Assert.Equal(Tenants, nextInterval.Sum());

        // Each tenant's summary counts every check once; the log keeps the first round and every failure.
        var summaries = await CheckSummariesAsync();
        Assert.Equal(Tenants, summaries.Count);
        Assert.All(accounts.Except(broken), a => Assert.Equal((3L, 0L), summaries[a.Value]));
        Assert.All(broken, a => Assert.Equal((1L, 4L), summaries[a.Value]));
        var logged = await LoggedConnectionChecksAsync();
        Assert.All(accounts.Except(broken), a => Assert.Equal((1L, 0L), logged[a.Value]));
        Assert.All(broken, a => Assert.Equal((1L, 4L), logged[a.Value]));

        var alertCards = _alerts.Published.Where(p => p.Slot is { } slot && slot.Value.StartsWith("alert/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Broken, alertCards.Count);
        Assert.Equal(Broken, alertCards.Select(p => p.Slot).Distinct().Count());
        Assert.All(alertCards, p => Assert.Equal(ops, p.Conversation));
        Assert.Equal(broken.Select(a => a.Value).Order(), alertCards.Select(p => broken.Single(a => p.View.Title.Contains(a.Value, StringComparison.Ordinal)).Value).Order());
    }

    // The three monitors run their cycle at the same moment; returns how many tenants each checked.
    private async Task<int[]> RoundAsync(DateTimeOffset at)
    {
        _clock.SetUtcNow(at);
        var summaries = await Task.WhenAll(_instances.Select(i => Task.Run(() => i.Monitor.RunCycleAsync(CancellationToken.None))));
        return [.. summaries.Select(s => s.Checked)];
    }

    // From now on the account's REST services answer 503, as NetSuite does during an outage of that account's data center.
    private async Task BreakInSandboxAsync(AccountId account)
    {
        using var control = new HttpClient { BaseAddress = _sandbox!.BaseAddress };
        using var response = await control.PostAsJsonAsync("_sandbox/faults", new { pathPattern = $"/{account.HostLabel}/services/rest/*", status = 503 });
        response.EnsureSuccessStatusCode();
    }

    private Task<Dictionary<string, (long Passed, long Failed)>> CheckSummariesAsync() =>
        CountsAsync("SELECT account_id AS Account, checks_passed AS Passed, checks_failed AS Failed FROM tenant_health");

    private Task<Dictionary<string, (long Passed, long Failed)>> LoggedConnectionChecksAsync() => CountsAsync("""
        SELECT account_id AS Account, SUM(CASE WHEN outcome = 'passed' THEN 1 ELSE 0 END) AS Passed, SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END) AS Failed
        FROM health_checks WHERE kind = 'Connection' GROUP BY account_id
        """);

    private async Task<Dictionary<string, (long Passed, long Failed)>> CountsAsync(string sql)
    {
        var rows = await StorageTransaction.ReadAsync(_database!.Database, read => read.QueryAsync<CheckCount>(sql, null, CancellationToken.None), CancellationToken.None);
        return rows.ToDictionary(r => r.Account, r => (r.Passed, r.Failed));
    }

    private sealed class CheckCount
    {
        public string Account { get; set; } = "";
        public long Passed { get; set; }
        public long Failed { get; set; }
    }
}
