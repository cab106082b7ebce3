using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// Every row of every table of a host's SQLite file, rendered as text, so a test can prove that a refused request
/// changed nothing: take one before, one after, and compare.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(string databasePath)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await select.ExecuteReaderAsync();

            // Rows in text order: not every table has a rowid to order by (WITHOUT ROWID tables), and a set of rows is what is compared.
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.GetName(i)).Append('=').Append(Render(reader.GetValue(i))).Append(';');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            tables[name] = string.Join(Environment.NewLine, rows);
        }

        return new DatabaseSnapshot(tables);
    }

    /// <summary>
    /// Delivery bookkeeping that every inbound message legitimately touches (dedup ids, the latest conversation
    /// reference, the refusal notice's card id, the command inbox, the lease held while a card is posted); the data a forgery
    /// could harm lives elsewhere.
    /// </summary>
    public static readonly IReadOnlySet<string> Bookkeeping = new HashSet<string>(StringComparer.Ordinal)
    {
        "processed_deliveries", "conversation_references", "card_messages", "chat_inbox", "work_leases",
    };

    /// <summary>
    /// Asserts that no table other than <see cref="Bookkeeping"/> differs from <paramref name="before"/> (naming the
    /// first that does), except that the audit log may grow: a refusal may be recorded, nothing may be rewritten.
    /// </summary>
    public void AssertUnchangedSince(DatabaseSnapshot before)
    {
        Assert.Equal(before.Tables.Keys, Tables.Keys);
        foreach (var (table, rows) in before.Tables.Where(t => !Bookkeeping.Contains(t.Key)))
        {
            var now = Tables[table];
            var same = table == "audit_log" ? now.StartsWith(rows, StringComparison.Ordinal) : rows == now;
            Assert.True(same, $"Table {table} changed.\nBefore:\n{rows}\nAfter:\n{now}");
        }
    }

    /// <summary>The number of rows in <paramref name="table"/>.</summary>
    public int Rows(string table) => Tables[table].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Render(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
