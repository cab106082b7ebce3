using System.Text.Json;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Storage.Dialects;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Storage;

/// <summary>Many rows written by one statement per bound text, alike on both providers.</summary>
public sealed class JsonRowSetTests
{
    private static readonly Migration Rows = new(900, "test row sets", """
        CREATE TABLE row_sets (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT, amount INTEGER);
        """);

    private static readonly JsonRowSet<Row> Set = new(
        RowSetColumn<Row>.Text("label", r => r.Label),
        RowSetColumn<Row>.Number("amount", r => r.Amount));

    private static readonly Row[] Awkward =
    [
        new("plain", 0),
        new("with \"quotes\", a \\ and an 'apostrophe'", long.MaxValue),
        new("Zürich ✓ 日本 🙂", long.MinValue),
        new("", -1),
        new(null, null),
        new("line\nbreak\ttab\u0001", 42),
        new("12345", 7),
        new("null", null),
    ];

    [SkippableTheory]
    [StorageProviders]
    public async Task Rows_of_every_kind_arrive_as_written_and_inserted_in_their_order_however_many_statements_they_take(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider, new TestTables());
        Row[] rows = [.. Awkward, .. Enumerable.Range(0, 3_000).Select(i => new Row($"bulk-{i:D5}-{new string('x', 40)}", i)), .. Awkward];

        var inserted = await StorageTransaction.WriteAsync(temp.Database, write => Set.ExecuteAsync(
            write, $"INSERT INTO row_sets (label, amount) SELECT label, amount FROM ({Set.Select(write.Dialect, "rows")}) AS r ORDER BY r.{JsonRowSet<Row>.Ordinal}", rows, CancellationToken.None), CancellationToken.None);
        var read = await StorageTransaction.ReadAsync(temp.Database, r => r.QueryAsync<Row>(
            "SELECT label AS Label, amount AS Amount FROM row_sets ORDER BY id", null, CancellationToken.None), CancellationToken.None);

        Assert.Equal(rows.Length, inserted);
        Assert.Equal(rows, read);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task An_update_from_a_set_changes_the_rows_it_names_and_counts_only_those(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider, new TestTables());
        await StorageTransaction.WriteAsync(temp.Database, write => Set.ExecuteAsync(
            write, $"INSERT INTO row_sets (label, amount) SELECT label, amount FROM ({Set.Select(write.Dialect, "rows")}) AS r", [new Row("a", 1), new Row("b", 2), new Row("c", 3)], CancellationToken.None), CancellationToken.None);

        var changed = await StorageTransaction.WriteAsync(temp.Database, write => Set.ExecuteAsync(
            write,
            $"UPDATE row_sets SET amount = r.amount FROM ({Set.Select(write.Dialect, "rows")}) AS r WHERE row_sets.label = r.label",
            [new Row("c", 30), new Row("a", null), new Row("absent", 99)],
            CancellationToken.None), CancellationToken.None);
        var read = await StorageTransaction.ReadAsync(temp.Database, r => r.QueryAsync<Row>(
            "SELECT label AS Label, amount AS Amount FROM row_sets ORDER BY id", null, CancellationToken.None), CancellationToken.None);

        Assert.Equal(2, changed);
        Assert.Equal([new Row("a", null), new Row("b", 2), new Row("c", 30)], read);
    }

    [Fact]
    public void Each_bound_text_stays_off_the_large_object_heap_and_together_they_hold_every_row_once_in_order()
    {
        Row[] rows = [.. Enumerable.Range(0, 5_000).Select(i => new Row($"row {i} {new string('é', 30)}", i))];

        var bound = Set.Bind(rows).ToList();
        var parsed = bound.SelectMany(text => JsonDocument.Parse(text).RootElement.EnumerateArray()
            .Select(row => new Row(row[0].GetString(), row[1].GetInt64()))).ToList();

        Assert.True(bound.Count > 1, $"{rows.Length} rows fit one text of {bound[0].Length} characters");
        Assert.All(bound, text => Assert.True(text.Length * sizeof(char) < 85_000, $"a bound text of {text.Length} characters"));
        Assert.Equal(rows, parsed);
    }

    [Fact]
    public void No_rows_bind_nothing()
    {
        Assert.Empty(Set.Bind([]));
    }

    private sealed record Row(string? Label, long? Amount);

    private sealed class TestTables : IMigrationSource
    {
        public IEnumerable<Migration> Migrations => [Rows];
    }
}
