using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Onboarding.NetSuiteSandbox.Accounts;

// SuiteQL over the read-only connection: positional parameters, the per-table permission check, and NetSuite's
// wording of the errors a query can meet.
internal sealed partial class AccountTables
{
    // https://www.sqlite.org/c3ref/c_alter_table.html
    private const int SqliteOk = 0;
    private const int SqliteDeny = 1;
    private const int ActionRead = 20;
    private const int ActionSelect = 21;
    private const int ActionFunction = 31;
    private const int ActionRecursive = 33;

    private Func<string, bool> _mayRead = _ => false;
    private string? _deniedTable;

    /// <summary>
    /// Runs a SuiteQL SELECT on the read-only connection; <c>?</c> placeholders take <paramref name="parameters"/>.
    /// <paramref name="mayRead"/> is asked for every table the query reads. A query that cannot run throws
    /// <see cref="SuiteQlError"/> whose detail is worded as NetSuite words it.
    /// </summary>
    public (int Total, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows) Query(
        string suiteQl, IReadOnlyList<string?> parameters, int limit, int offset, int maxTotal, Func<string, bool> mayRead)
    {
        _mayRead = mayRead;
        _deniedTable = null;
        try
        {
            var inner = BindPositional(suiteQl.Trim().TrimEnd(';'), parameters.Count);
            var bound = parameters.Select((p, i) => ($"$p{i + 1}", (object?)p)).ToArray();
            using var count = Command(_reader, $"SELECT COUNT(*) FROM ({inner})", bound);
            var total = Math.Min(maxTotal, Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture));
            var take = Math.Max(0, Math.Min(limit, total - offset));
            using var page = Command(_reader, $"SELECT * FROM ({inner}) LIMIT {take} OFFSET {offset}", bound);
            return (total, Read(page));
        }
        catch (SqliteException e)
        {
            throw new SuiteQlError(_deniedTable is { } denied ? RecordNotFound(denied) : Describe(e.Message), e);
        }
        finally
        {
            _mayRead = _ => false;
        }
    }

    private static string RecordNotFound(string table) => $"Record '{table}' was not found.";

    // SQLite's words for the two errors NetSuite words its own way; anything else (syntax) passes through.
    private static string Describe(string message)
    {
        const string noTable = "no such table: ";
        const string noColumn = "no such column: ";
        var text = message.StartsWith("SQLite Error ", StringComparison.Ordinal) && message.IndexOf(": '", StringComparison.Ordinal) is > 0 and var at
            ? message[(at + 3)..].TrimEnd('.', '\'')
            : message;
        if (text.StartsWith(noTable, StringComparison.Ordinal))
        {
            return RecordNotFound(text[noTable.Length..]);
        }

        return text.StartsWith(noColumn, StringComparison.Ordinal) ? $"Unknown identifier '{text[noColumn.Length..]}'." : text;
    }

    private int Authorize(object userData, int action, utf8z table, utf8z column, utf8z database, utf8z trigger)
    {
        switch (action)
        {
            case ActionSelect or ActionFunction or ActionRecursive:
                return SqliteOk;
            case ActionRead:
                var name = table.utf8_to_string();
                if (_mayRead(name))
                {
                    return SqliteOk;
                }

                _deniedTable ??= name;
                return SqliteDeny;
            default:
                return SqliteDeny;
        }
    }

    // SuiteQL binds '?' by position; SQLite's provider binds by name, so each '?' outside a string literal becomes $pN.
    private static string BindPositional(string sql, int parameterCount)
    {
        var result = new StringBuilder(sql.Length + 8);
        var inLiteral = false;
        var index = 0;
        foreach (var ch in sql)
        {
            if (ch == '\'')
            {
                inLiteral = !inLiteral;
            }

            if (ch == '?' && !inLiteral)
            {
                result.Append("$p").Append(++index);
                continue;
            }

            result.Append(ch);
        }

        if (index != parameterCount)
        {
            throw new SuiteQlError($"The query has {index} placeholders but {parameterCount} params were sent.");
        }

        return result.ToString();
    }
}
