using Onboarding.Engine.Storage;
using Onboarding.Engine.Storage.Dialects;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Storage;

/// <summary>The promises of the one data-access path, kept alike on both providers and across instances sharing a database.</summary>
public sealed class StorageTransactionTests
{
    private static readonly Migration Counters = new(900, "test counters and jobs", """
        CREATE TABLE counters (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, claimed_by TEXT);
        CREATE TABLE stamps (at TEXT NOT NULL);
        """);

    [SkippableTheory]
    [StorageProviders]
    public async Task Serialized_writes_from_two_instances_lose_no_read_then_write_update(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider, new TestTables());
        await StorageTransaction.WriteAsync(temp.Database, w => w.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('n', 0)", null, CancellationToken.None), CancellationToken.None);
        await using var other = temp.Open();

        // Each increment reads, then writes what it read plus one: only serialization keeps every one of them.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => StorageTransaction.WriteAsync(i % 2 == 0 ? temp.Database : other, async write =>
        {
            var value = await write.QuerySingleOrDefaultAsync<long>("SELECT value FROM counters WHERE name = 'n'", null, CancellationToken.None);
            await Task.Yield();
            await write.ExecuteAsync("UPDATE counters SET value = @next WHERE name = 'n'", new { next = value + 1 }, CancellationToken.None);
        }, CancellationToken.None))));

        Assert.Equal(40L, Convert.ToInt64(await temp.ScalarAsync("SELECT value FROM counters WHERE name = 'n'")));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_list_parameter_matches_exactly_its_values_however_many_and_whatever_they_hold(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider, new TestTables());
        string[] names = ["plain", "with \"quotes\" and \\", "Zürich ✓", "", "n'apostrophe", .. Enumerable.Range(0, 300).Select(i => $"bulk-{i}")];
        await InsertCountersAsync(temp.Database, names.Append("not asked"));

        var found = await StorageTransaction.ReadAsync(temp.Database, read => read.QueryAsync<string>(
            $"SELECT name FROM counters WHERE name {read.Dialect.InList("names")}", new { names = read.Dialect.ListOf(names) }, CancellationToken.None), CancellationToken.None);
        var none = await StorageTransaction.ReadAsync(temp.Database, read => read.QueryAsync<string>(
            $"SELECT name FROM counters WHERE name {read.Dialect.InList("names")}", new { names = read.Dialect.ListOf([]) }, CancellationToken.None), CancellationToken.None);

        Assert.Equal(names.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Empty(none);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Concurrent_claims_with_skip_locked_take_each_row_once(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider, new TestTables());
        await StorageTransaction.WriteAsync(temp.Database, async w =>
        {
            for (var i = 0; i < 20; i++)
            {
                await w.ExecuteAsync("INSERT INTO jobs (claimed_by) VALUES (NULL)", null, CancellationToken.None);
            }
        }, CancellationToken.None);
        await using var other = temp.Open();

        var claimed = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => StorageTransaction.WriteAsync(
            i % 2 == 0 ? temp.Database : other,
            StorageAccess.ConcurrentWrite,
            write => write.QuerySingleOrDefaultAsync<long>(
                $"""
                UPDATE jobs SET claimed_by = @worker
                WHERE id = (SELECT id FROM jobs WHERE claimed_by IS NULL ORDER BY id LIMIT 1 {write.Dialect.ForUpdateSkipLocked})
                RETURNING id
                """,
                new { worker = $"worker-{i}" },
                CancellationToken.None),
            CancellationToken.None))));

        Assert.Equal(20, claimed.Distinct().Count());
        Assert.DoesNotContain(0L, claimed);
        Assert.Equal(20L, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(DISTINCT claimed_by) FROM jobs")));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_duplicate_key_is_the_same_exception_on_every_provider_and_rolls_the_transaction_back(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider, new TestTables());
        await StorageTransaction.WriteAsync(temp.Database, w => w.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('n', 1)", null, CancellationToken.None), CancellationToken.None);

        await Assert.ThrowsAsync<UniqueConstraintException>(() => StorageTransaction.WriteAsync(temp.Database, async write =>
        {
            await write.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('m', 1)", null, CancellationToken.None);
            await write.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('n', 2)", null, CancellationToken.None);
        }, CancellationToken.None));

        Assert.Equal(1L, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM counters")));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Stored_times_and_text_keys_sort_byte_by_byte(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider, new TestTables());
        var start = new DateTimeOffset(2026, 11, 28, 9, 59, 59, 999, TimeSpan.Zero);
        DateTimeOffset[] times = [start.AddDays(400), start, start.AddTicks(1), start.AddHours(-1), start.AddYears(-3)];
        await StorageTransaction.WriteAsync(temp.Database, async w =>
        {
            foreach (var at in times)
            {
                await w.ExecuteAsync("INSERT INTO stamps (at) VALUES (@at)", new { at = StoredTime.Format(at) }, CancellationToken.None);
            }
        }, CancellationToken.None);
        await InsertCountersAsync(temp.Database, ["b", "B", "a", "_", "Z"]);

        var sorted = await StorageTransaction.ReadAsync(temp.Database, read => read.QueryAsync<string>("SELECT at FROM stamps ORDER BY at", null, CancellationToken.None), CancellationToken.None);
        var names = await StorageTransaction.ReadAsync(temp.Database, read => read.QueryAsync<string>("SELECT name FROM counters ORDER BY name", null, CancellationToken.None), CancellationToken.None);
        var before = await temp.ScalarAsync("SELECT COUNT(*) FROM stamps WHERE at < @cutoff", new { cutoff = StoredTime.Format(start.AddTicks(1)) });

        Assert.Equal(times.Order().Select(StoredTime.Format), sorted);
        Assert.Equal(["B", "Z", "_", "a", "b"], names);
        Assert.Equal(3L, Convert.ToInt64(before));
    }

    [SkippableFact]
    public async Task PostgreSQL_text_columns_are_created_with_the_byte_order_collation()
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(StorageProvider.PostgreSql, new TestTables());

        var collation = await temp.ScalarAsync(
            "SELECT collation_name FROM information_schema.columns WHERE table_name = 'onboarding_sessions' AND column_name = 'account_id'");

        Assert.Equal("C", collation);
    }

    // Counters named as given, each of value 1, written as one set.
    private static Task InsertCountersAsync(Database database, IEnumerable<string> names)
    {
        var set = new JsonRowSet<string>(RowSetColumn<string>.Text("name", name => name), RowSetColumn<string>.Number("value", _ => 1));
        return StorageTransaction.WriteAsync(database, write => set.ExecuteAsync(
            write, $"INSERT INTO counters (name, value) SELECT name, value FROM ({set.Select(write.Dialect, "rows")}) AS r", names, CancellationToken.None), CancellationToken.None);
    }

    private sealed class TestTables : IMigrationSource
    {
        public IEnumerable<Migration> Migrations => [Counters];
    }
}
