using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Operations;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Operations;

/// <summary>The retention job removes what outlived its period, keeps what did not, and keeps each connected tenant's record.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private TemporaryDatabase _db = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Old_rows_go_recent_rows_stay_and_names_are_removed_after_their_period(StorageProvider provider)
    {
        _db = await TemporaryDatabase.CreateMigratedAsync(provider);
        await ExecuteAsync($"""
            INSERT INTO processed_deliveries VALUES ('msteams|t|old', 'd1', '{Ago(10)}'), ('msteams|t|new', 'd2', '{Ago(1)}');
            INSERT INTO tenants (account_id, status, company_name, updated_at) VALUES ('1111111', 'Connected', 'Kept Ltd', '{Ago(1)}');
            INSERT INTO tenants (account_id, status, company_name, offboarded_at, updated_at) VALUES ('2222222', 'Offboarded', 'Gone Ltd', '{Ago(100)}', '{Ago(100)}');
            INSERT INTO tenant_health (account_id, state, state_since, next_check_at, consecutive_failures, updated_at) VALUES ('2222222', 'Healthy', '{Ago(100)}', '{Ago(100)}', 0, '{Ago(100)}');
            INSERT INTO audit_log (at, actor, account_id, action, outcome) VALUES ('{Ago(500)}', 'a', '1111111', 'x', 'ok'), ('{Ago(2)}', 'b', '1111111', 'y', 'ok');
            INSERT INTO conversation_references VALUES ('msteams|t|quiet', 'msteams', 'json', '{Ago(400)}'), ('msteams|t|alerts', 'msteams', 'json', '{Ago(400)}');
            INSERT INTO alert_subscriptions (conversation_key, channel, subscribed_by_id, subscribed_by_name, subscribed_at) VALUES ('msteams|t|alerts', 'msteams', 's', 'Staff', '{Ago(400)}');
            INSERT INTO conversation_locales VALUES ('msteams|t|quiet', 'de-DE', 'Europe/Berlin', '{Ago(400)}'), ('msteams|t|alerts', 'fr-FR', NULL, '{Ago(400)}'), ('slack|T|recent', 'de', NULL, '{Ago(1)}');
            """);
        await SessionAsync("latest-of-connected", "1111111", "Completed", finishedDaysAgo: 400, createdDaysAgo: 401);
        await SessionAsync("older-of-connected", "1111111", "Completed", finishedDaysAgo: 500, createdDaysAgo: 501);
        await SessionAsync("cancelled-recently", "3333333", "Cancelled", finishedDaysAgo: 40, createdDaysAgo: 41);
        await SessionAsync("finished-yesterday", "4444444", "Completed", finishedDaysAgo: 1, createdDaysAgo: 2);
        await ExecuteAsync($"""
            INSERT INTO post_install_runs VALUES ('older-of-connected', 'seed-configuration', 0, 'Done', NULL, NULL, '{Ago(500)}');
            INSERT INTO card_messages VALUES ('msteams|t|c', 'onboarding/older-of-connected', 'm1', '{Ago(1)}');
            """);

        var removed = await Retention().PruneAsync(CancellationToken.None);

        Assert.Equal(1, removed["processed_deliveries"]);
        Assert.Equal(["msteams|t|new"], await StringsAsync("SELECT conversation_key FROM processed_deliveries"));
        Assert.Equal(["latest-of-connected", "cancelled-recently", "finished-yesterday"], await StringsAsync("SELECT id FROM onboarding_sessions ORDER BY created_at"));
        Assert.Empty(await StringsAsync("SELECT session_id FROM post_install_runs"));
        Assert.Empty(await StringsAsync("SELECT slot FROM card_messages"));
        Assert.Equal(["someone", "someone", "Person finished-yesterday"], await StringsAsync("SELECT started_by_name FROM onboarding_sessions ORDER BY created_at"));
        Assert.Equal(["Admin finished-yesterday"], await StringsAsync("SELECT authorized_by_name FROM onboarding_sessions WHERE authorized_by_name IS NOT NULL"));
        Assert.Equal(["1111111"], await StringsAsync("SELECT account_id FROM tenants"));
        Assert.Empty(await StringsAsync("SELECT account_id FROM tenant_health"));
        Assert.Equal(["y"], await StringsAsync("SELECT action FROM audit_log"));
        Assert.Equal(["msteams|t|alerts"], await StringsAsync("SELECT conversation_key FROM conversation_references"));
        Assert.Equal(["msteams|t|alerts", "slack|T|recent"], await StringsAsync("SELECT conversation_key FROM conversation_locales ORDER BY conversation_key"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_second_run_finds_nothing_more_to_remove(StorageProvider provider)
    {
        _db = await TemporaryDatabase.CreateMigratedAsync(provider);
        await SessionAsync("old", "5555555", "Cancelled", finishedDaysAgo: 400, createdDaysAgo: 400);
        var retention = Retention();
        await retention.PruneAsync(CancellationToken.None);

        var again = await retention.PruneAsync(CancellationToken.None);

        Assert.All(again, pair => Assert.Equal(0, pair.Value));
    }

    [Theory]
    [InlineData("Retention:AuditLog", "7.00:00:00", "Retention:AuditLog must be between 30.00:00:00 and 10 years")]
    [InlineData("Retention:Deliveries", "00:10:00", "Retention:Deliveries must be between 01:00:00 and 10 years")]
    [InlineData("Retention:PersonalNames", "400.00:00:00", "Retention:PersonalNames (400.00:00:00) must not be longer than Retention:FinishedOnboardings")]
    public async Task Settings_out_of_range_are_refused_naming_the_key(string key, string value, string message)
    {
        _db = await TemporaryDatabase.CreateAsync();
        var services = Services(new Dictionary<string, string?> { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private DataRetention Retention() => Services(new Dictionary<string, string?>()).GetRequiredService<DataRetention>();

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(_db.Database);
        services.AddSingleton<TimeProvider>(_time);
        services.AddOperations(configuration);
        return services.BuildServiceProvider();
    }

    private async Task SessionAsync(string id, string account, string status, int finishedDaysAgo, int createdDaysAgo) => await ExecuteAsync($"""
        INSERT INTO onboarding_sessions (id, conversation_key, account_id, account_expected, started_by_id, started_by_name, shared_conversation, step, status,
            version, authorized_by_name, created_at, updated_at, finished_at)
        VALUES ('{id}', 'msteams|t|c', '{account}', 1, 'u-{id}', 'Person {id}', 0, 'Completed', '{status}', 3, 'Admin {id}', '{Ago(createdDaysAgo)}', '{Ago(finishedDaysAgo)}', '{Ago(finishedDaysAgo)}')
        """);

    private Task ExecuteAsync(string sql) =>
        StorageTransaction.WriteAsync(_db.Database, write => write.ExecuteAsync(sql, null, CancellationToken.None), CancellationToken.None);

    private Task<IReadOnlyList<string>> StringsAsync(string sql) =>
        StorageTransaction.ReadAsync(_db.Database, read => read.QueryAsync<string>(sql, null, CancellationToken.None), CancellationToken.None);

    private static string Ago(int days) => Now.AddDays(-days).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
