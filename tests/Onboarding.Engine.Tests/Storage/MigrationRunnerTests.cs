using Microsoft.Extensions.Logging.Abstractions;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Storage.Migrations;

namespace Onboarding.Engine.Tests.Storage;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task Fresh_file_reaches_the_latest_schema_version_and_its_folder_is_created()
    {
        using var temp = new TemporaryDatabase();

        var version = await temp.CreateRunner().ApplyAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrations.LatestVersion, version);
        Assert.True(File.Exists(temp.Database.DatabasePath));
        Assert.Equal((long)SchemaMigrations.All.Count, await temp.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(1L, await temp.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'conversation_references'"));
    }

    [Fact]
    public async Task A_host_module_adds_its_own_tables_through_a_migration_source()
    {
        using var temp = new TemporaryDatabase();
        var runner = new MigrationRunner(temp.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance, [new ChannelTables()]);

        var version = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(Math.Max(SchemaMigrations.LatestVersion, ChannelTables.Version), version);
        Assert.Equal(1L, await temp.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'channel_things'"));
        Assert.Equal(1L, await temp.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'conversation_references'"));
    }

    [Fact]
    public void Two_migrations_claiming_one_version_stop_the_runner_with_both_names()
    {
        using var temp = new TemporaryDatabase();

        var clash = Assert.Throws<InvalidOperationException>(() =>
            new MigrationRunner(temp.Database, TimeProvider.System, NullLogger<MigrationRunner>.Instance, [new ClashingTables()]));

        Assert.Contains("version 1", clash.Message);
        Assert.Contains("clashing", clash.Message);
    }

    [Fact]
    public async Task Applying_twice_is_a_no_op()
    {
        using var temp = new TemporaryDatabase();
        var runner = temp.CreateRunner();
        await runner.ApplyAsync(CancellationToken.None);
        var appliedAt = await temp.ScalarAsync("SELECT group_concat(version || '@' || applied_at) FROM schema_migrations");

        var version = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrations.LatestVersion, version);
        Assert.Equal(appliedAt, await temp.ScalarAsync("SELECT group_concat(version || '@' || applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task Connections_use_WAL_foreign_keys_and_the_busy_timeout()
    {
        using var temp = new TemporaryDatabase();
        await temp.CreateRunner().ApplyAsync(CancellationToken.None);

        Assert.Equal("wal", await temp.ScalarAsync("PRAGMA journal_mode"));
        Assert.Equal(1L, await temp.ScalarAsync("PRAGMA foreign_keys"));
        Assert.Equal((long)temp.Database.BusyTimeoutMilliseconds, await temp.ScalarAsync("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Migration_that_lands_late_with_a_lower_version_is_still_applied_once()
    {
        using var temp = new TemporaryDatabase();
        var runner = temp.CreateRunner();
        Migration early = new(1, "first", "CREATE TABLE first_table (id INTEGER PRIMARY KEY);");
        Migration late = new(20, "late", "CREATE TABLE late_table (id INTEGER PRIMARY KEY);");
        Migration lower = new(10, "lower", "CREATE TABLE lower_table (id INTEGER PRIMARY KEY);");
        await runner.ApplyAsync([early, late], CancellationToken.None);

        var version = await runner.ApplyAsync([early, lower, late], CancellationToken.None);
        await runner.ApplyAsync([early, lower, late], CancellationToken.None);

        Assert.Equal(20, version);
        Assert.Equal(1L, await temp.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'lower_table'"));
    }

    [Fact]
    public async Task Failing_migration_leaves_nothing_behind()
    {
        using var temp = new TemporaryDatabase();
        Migration broken = new(1, "broken", "CREATE TABLE half_done (id INTEGER PRIMARY KEY); THIS IS NOT SQL;");

        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => temp.CreateRunner().ApplyAsync([broken], CancellationToken.None));

        Assert.Equal(0L, await temp.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
        Assert.Equal(0L, await temp.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
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
