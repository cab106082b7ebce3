using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Onboarding.Engine.Storage.Dialects;

/// <summary>
/// Many rows of one shape written by one statement: the rows are bound as a single parameter, a JSON array with one array
/// of fields per row (<see cref="Bind"/>), and the statement reads them back as a table (<see cref="Select"/>). The
/// statement is parsed and planned once for the whole set, where a statement per row costs a parse, a plan and, on
/// PostgreSQL, a protocol exchange per row; and its text is the same whatever the number of rows.
/// </summary>
/// <remarks>
/// The table source is the dialect's (<see cref="SqlDialect.RowsOf"/>); fields are read with <c>value -&gt;&gt; index</c>,
/// which both engines give as text, or as a JSON number's integer (https://sqlite.org/json1.html#jptr,
/// https://www.postgresql.org/docs/current/functions-json.html). Numbers are cast to BIGINT so PostgreSQL stores them as such.
/// </remarks>
public sealed class JsonRowSet<T>
{
    // A UTF-8 byte is at most one UTF-16 character of two bytes: text this long stays well under 85,000 bytes.
    private const int MaxBoundBytes = 32 * 1024;

    /// <summary>The column of <see cref="Select"/> that holds each row's place in the bound array, ascending in its order.</summary>
    public const string Ordinal = "ordinal";

    private readonly IRowSetColumn<T>[] _columns;

    public JsonRowSet(params IRowSetColumn<T>[] columns)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);
        _columns = columns;
    }

    /// <summary>The columns, in order (a set of a derived row type may start with them).</summary>
    public IReadOnlyList<IRowSetColumn<T>> Columns => _columns;

    /// <summary>The columns' names, in order.</summary>
    public IEnumerable<string> Names => _columns.Select(c => c.Name);

    /// <summary>
    /// A <c>SELECT</c> of the rows bound to <paramref name="parameter"/>, each column under its name, and each row's place
    /// in the bound array under <see cref="Ordinal"/> (an insert that must number the rows in their order sorts by it): use
    /// it as a subquery. It has no <c>ORDER BY</c> of its own, so the planner may join it with a table's index row by row:
    /// with one, PostgreSQL cannot fold the subquery into the join and reads the whole table for every set instead.
    /// </summary>
    public string Select(SqlDialect dialect, string parameter)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var fields = _columns.Select((c, i) => c.IsNumber ? $"CAST(j.value ->> {i} AS BIGINT) AS {c.Name}" : $"j.value ->> {i} AS {c.Name}");
        return $"SELECT {string.Join(", ", fields)}, j.key AS {Ordinal} FROM {dialect.RowsOf(parameter, "j")}";
    }

    /// <summary>
    /// Runs <paramref name="sql"/>, which reads the rows from <see cref="Select"/> bound to <c>@rows</c>, for
    /// <paramref name="rows"/>; returns the rows it changed in all.
    /// </summary>
    public async Task<int> ExecuteAsync(StorageTransaction transaction, string sql, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var changed = 0;
        foreach (var bound in Bind(rows))
        {
            changed += await transaction.ExecuteAsync(sql, new { rows = bound }, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>
    /// The values to bind for <paramref name="rows"/>, a statement's worth each: as many rows as keep the text under
    /// <see cref="MaxBoundBytes"/>, so it never goes to the large-object heap (.NET puts objects of 85,000 bytes or more
    /// there, and collects them only with the oldest generation; https://learn.microsoft.com/dotnet/standard/garbage-collection/large-object-heap).
    /// None for no rows.
    /// </summary>
    public IEnumerable<string> Bind(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var buffer = new ArrayBufferWriter<byte>(MaxBoundBytes + 1024);
        using var json = new Utf8JsonWriter(buffer);
        foreach (var row in rows)
        {
            if (json.BytesCommitted + json.BytesPending == 0)
            {
                json.WriteStartArray();
            }

            json.WriteStartArray();
            foreach (var column in _columns)
            {
                column.Write(json, row);
            }

            json.WriteEndArray();
            if (json.BytesCommitted + json.BytesPending >= MaxBoundBytes)
            {
                yield return Finish(json, buffer);
            }
        }

        if (json.BytesCommitted + json.BytesPending > 0)
        {
            yield return Finish(json, buffer);
        }
    }

    private static string Finish(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        json.WriteEndArray();
        json.Flush();
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        return text;
    }
}
