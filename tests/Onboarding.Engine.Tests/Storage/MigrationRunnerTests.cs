using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Storage.Migrations;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Storage;

public sealed class MigrationRunnerTests
{
    [SkippableTheory]
    [StorageProviders]
    public async Task Fresh_database_reaches_the_latest_schema_version(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);

        var version = await temp.CreateRunner().ApplyAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrations.LatestVersion, version);
        Assert.Equal((long)SchemaMigrations.All.Count, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM schema_migrations")));
        Assert.True(await temp.HasTableAsync("conversation_references"));
        Assert.True(await temp.HasTableAsync("data_protection_keys"));
    }

    [Fact]
    public async Task Fresh_file_and_its_folder_are_created()
    {
        await using var temp = await TemporaryDatabase.CreateAsync();

        await temp.CreateRunner().ApplyAsync(CancellationToken.None);

        Assert.True(File.Exists(temp.FilePath));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_host_module_adds_its_own_tables_through_a_migration_source(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        var runner = temp.CreateRunner(sources: [new ChannelTables()]);

        var version = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(Math.Max(SchemaMigrations.LatestVersion, ChannelTables.Version), version);
        Assert.True(await temp.HasTableAsync("channel_things"));
        Assert.True(await temp.HasTableAsync("conversation_references"));
    }

    [Fact]
    public async Task Two_migrations_claiming_one_version_stop_the_runner_with_both_names()
    {
        await using var temp = await TemporaryDatabase.CreateAsync();

        var clash = Assert.Throws<InvalidOperationException>(() =>
            new MigrationRunner(temp.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance, [new ClashingTables()]));

        Assert.Contains("version 1", clash.Message);
        Assert.Contains("clashing", clash.Message);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Applying_twice_is_a_no_op(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        var runner = temp.CreateRunner();
        await runner.ApplyAsync(CancellationToken.None);
        var applied = await StorageTransaction.ReadAsync(temp.Database, read => read.QueryAsync<string>(
            "SELECT applied_at FROM schema_migrations ORDER BY version", null, CancellationToken.None), CancellationToken.None);

        var version = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrations.LatestVersion, version);
        Assert.Equal(applied, await StorageTransaction.ReadAsync(temp.Database, read => read.QueryAsync<string>(
            "SELECT applied_at FROM schema_migrations ORDER BY version", null, CancellationToken.None), CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Hosts_starting_together_apply_each_migration_once(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        var instances = Enumerable.Range(0, 3).Select(_ => temp.Open()).ToList();

        var versions = await Task.WhenAll(instances.Select(database =>
            Task.Run(() => new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None))));

        Assert.All(versions, v => Assert.Equal(SchemaMigrations.LatestVersion, v));
        Assert.Equal((long)SchemaMigrations.All.Count, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM schema_migrations")));
        foreach (var database in instances)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connections_use_WAL_foreign_keys_and_the_busy_timeout()
    {
        await using var temp = await TemporaryDatabase.CreateAsync();
        await temp.CreateRunner().ApplyAsync(CancellationToken.None);

        Assert.Equal("wal", await temp.ScalarAsync("PRAGMA journal_mode"));
        Assert.Equal(1L, await temp.ScalarAsync("PRAGMA foreign_keys"));
        Assert.Equal(5_000L, await temp.ScalarAsync("PRAGMA busy_timeout"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Migration_that_lands_late_with_a_lower_version_is_still_applied_once(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        var runner = temp.CreateRunner();
        Migration early = new(1, "first", "CREATE TABLE first_table (id INTEGER PRIMARY KEY);");
        Migration late = new(20, "late", "CREATE TABLE late_table (id INTEGER PRIMARY KEY);");
        Migration lower = new(10, "lower", "CREATE TABLE lower_table (id INTEGER PRIMARY KEY);");
        await runner.ApplyAsync([early, late], CancellationToken.None);

        var version = await runner.ApplyAsync([early, lower, late], CancellationToken.None);
        await runner.ApplyAsync([early, lower, late], CancellationToken.None);

        Assert.Equal(20, version);
        Assert.True(await temp.HasTableAsync("lower_table"));
        Assert.Equal(3L, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM schema_migrations")));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Failing_migration_leaves_nothing_behind(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        Migration broken = new(1, "broken", "CREATE TABLE half_done (id INTEGER PRIMARY KEY); THIS IS NOT SQL;");

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => temp.CreateRunner().ApplyAsync([broken], CancellationToken.None));

        Assert.False(await temp.HasTableAsync("half_done"));
        Assert.Equal(0L, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM schema_migrations")));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_migration_PostgreSQL_cannot_run_faithfully_is_refused_by_version_and_name_before_anything_runs(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        Migration stamped = new(105, "stamp rows", "CREATE TABLE stamped (id TEXT PRIMARY KEY, at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);");

        if (provider == StorageProvider.Sqlite)
        {
            // SQLite runs what it was always given: released databases keep migrating exactly as before.
            Assert.Equal(105, await temp.CreateRunner().ApplyAsync([stamped], CancellationToken.None));
            return;
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => temp.CreateRunner().ApplyAsync([stamped], CancellationToken.None));
        Assert.Contains("Migration 105 (stamp rows)", refused.Message);
        Assert.Contains("CURRENT_TIMESTAMP", refused.Message);
        Assert.Contains("StoredTime", refused.Message);
        Assert.False(await temp.HasTableAsync("stamped"));
    }

    [Fact]
    public async Task A_database_made_before_the_storage_migrations_moves_up_and_keeps_its_rows()
    {
        await using var temp = await TemporaryDatabase.CreateAsync();
        var runner = temp.CreateRunner();
        var released = SchemaMigrations.All.Where(m => m.Version < 180).ToList();
        await runner.ApplyAsync(released, CancellationToken.None);
        await new ConversationReferenceStore(temp.Database, TimeProvider.System).SaveAsync(new("msteams", "t", "c"), "{}", CancellationToken.None);

        var version = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrations.LatestVersion, version);
        Assert.True(await temp.HasTableAsync("data_protection_keys"));
        Assert.Equal("{}", await new ConversationReferenceStore(temp.Database, TimeProvider.System).FindAsync(new("msteams", "t", "c"), CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Tenants_connected_before_migration_206_are_watched_from_their_connection_and_no_health_is_overwritten(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        var runner = temp.CreateRunner();
        await runner.ApplyAsync(SchemaMigrations.All.Where(m => m.Version < 206).ToList(), CancellationToken.None);
        const string ConnectedAt = "2026-11-01T09:00:00.0000000+00:00";
        await StorageTransaction.WriteAsync(temp.Database, w => w.ExecuteAsync(
            $"""
            INSERT INTO tenants (account_id, status, connected_at, updated_at) VALUES
                ('1111111', 'Connected', '{ConnectedAt}', '2026-11-02T09:00:00.0000000+00:00'),
                ('2222222', 'Connected', '{ConnectedAt}', '{ConnectedAt}'),
                ('3333333', 'Onboarding', NULL, '{ConnectedAt}');
            INSERT INTO tenant_health (account_id, state, state_since, next_check_at, consecutive_failures, updated_at)
                VALUES ('2222222', 'Down', '{ConnectedAt}', '2026-11-03T09:00:00.0000000+00:00', 4, '{ConnectedAt}');
            """,
            null,
            CancellationToken.None), CancellationToken.None);

        await runner.ApplyAsync(CancellationToken.None);

        var store = new TenantHealthStore(temp.Database, new TenantKeyStore(temp.Database, new DataProtectionSecretProtector(new EphemeralDataProtectionProvider())), TimeProvider.System);
        var connectedAt = DateTimeOffset.Parse(ConnectedAt, CultureInfo.InvariantCulture);
        Assert.Equal(new TenantHealth(AccountId.Parse("1111111"), HealthState.Healthy, connectedAt, connectedAt), await store.FindAsync(AccountId.Parse("1111111"), CancellationToken.None));
        Assert.Equal(HealthState.Down, (await store.FindAsync(AccountId.Parse("2222222"), CancellationToken.None))!.State);
        Assert.Null(await store.FindAsync(AccountId.Parse("3333333"), CancellationToken.None));
    }

    private sealed class ChannelTables : IMigrationSource
    {
        public const int Version = 29;

        public IEnumerable<Migration> Migrations => [new(Version, "channel things", "CREATE TABLE channel_things (id TEXT PRIMARY KEY);")];
    }

    private sealed class ClashingTables : IMigrationSource
    {
        public IEnumerable<Migration> Migrations => [new(1, "clashing", "CREATE TABLE clashing (id TEXT PRIMARY KEY);")];
    }
}
