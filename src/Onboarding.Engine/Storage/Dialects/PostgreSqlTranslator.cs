using System.Text.RegularExpressions;

namespace Onboarding.Engine.Storage.Dialects;

/// <summary>
/// Turns SQL written in the project's SQLite style into PostgreSQL: column types (64-bit integers, byte-order text,
/// identity keys), SQLite-only spellings with a direct equivalent, and table options PostgreSQL does not have. What has no
/// faithful equivalent is refused with the portable way to write it, so a migration or query that would behave differently
/// on the two engines fails on its first run instead of drifting. The rules are listed in docs/storage.md.
/// </summary>
/// <remarks>
/// Works on the code between string literals, quoted identifiers and comments, which are masked first and put back
/// unchanged. It is a rewriter for the common patterns, not a parser: anything it does not recognise passes through.
/// </remarks>
public static partial class PostgreSqlTranslator
{
    private const char MaskStart = '\uE000';
    private const char MaskEnd = '\uE001';

    private const string TimeAdvice =
        "store instants as TEXT written with StoredTime.Format from the TimeProvider and compare them as text (the database clock is not the TimeProvider, and each engine prints times differently)";

    private static readonly (Regex Pattern, string Advice)[] Refusals =
    [
        (SqliteTimeFunction(), TimeAdvice),
        (SqlClock(), TimeAdvice),
        (TimeColumnType(), TimeAdvice),
        (ReplacingInsert(), "write INSERT … ON CONFLICT (key columns) DO UPDATE SET column = excluded.column, which both engines run"),
        (LastInsertRowId(), "read the new key with INSERT … RETURNING id"),
        (GroupConcat(), "aggregate in C# (PostgreSQL's string_agg takes other arguments)"),
        (SqliteOnlyFunction(), "this SQLite function has no PostgreSQL twin of the same name: do it in C#"),
        (SqliteJsonFunction(), "SQLite's JSON functions differ from PostgreSQL's: read the JSON text and work on it in C#"),
        (TriggerOrVirtualTable(), "triggers and virtual tables are written differently on each engine: do the work in C#, in the same transaction"),
        (SqliteCollation(), "compare lower(column) with a lower-cased value, or store a normalised copy of the column"),
        (ConflictClauseInDdl(), "SQLite's constraint conflict clauses do not exist in PostgreSQL: put ON CONFLICT on the INSERT instead"),
        (RowId(), "PostgreSQL tables have no rowid: give the table an INTEGER PRIMARY KEY column and use it"),
        (ExactNumericType(), "NUMERIC/DECIMAL read back as different .NET types on the two engines: store INTEGER minor units, or TEXT"),
        (SqliteQuotedIdentifier(), "quote identifiers with double quotes, or better not at all (lower_snake_case names need none)"),
    ];

    /// <summary>The PostgreSQL form of <paramref name="sql"/> (one or more statements).</summary>
    /// <exception cref="NonPortableSqlException">A construct has no faithful PostgreSQL equivalent.</exception>
    public static string Translate(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var translated = new List<string>();
        foreach (var statement in MaskedStatement.Split(sql))
        {
            var text = statement.Text.Trim();
            if (text.Length == 0 || StartsWithWord(text, "PRAGMA"))
            {
                // Pragmas tune SQLite's own file handling (journal, foreign keys, sync); PostgreSQL has those on by design.
                continue;
            }

            foreach (var (pattern, advice) in Refusals)
            {
                if (pattern.Match(text) is { Success: true } found)
                {
                    throw new NonPortableSqlException(found.Value.Trim(), statement.Unmask(text), advice);
                }
            }

            text = Rewrite(text);
            if (Autoincrement().Match(text) is { Success: true } stray)
            {
                throw new NonPortableSqlException(stray.Value, statement.Unmask(text), "AUTOINCREMENT is understood only as INTEGER PRIMARY KEY AUTOINCREMENT on one column");
            }

            translated.Add(statement.Unmask(text).Trim());
        }

        return string.Join(";\n", translated);
    }

    private static string Rewrite(string text)
    {
        var isTableDdl = StartsWithWord(text, "CREATE") && CreateTable().IsMatch(text) || StartsWithWord(text, "ALTER");
        if (isTableDdl)
        {
            text = ColumnDefinition().Replace(text, MapColumnType);
            text = TableOption().Replace(text, string.Empty);
            text = BooleanDefault().Replace(text, m => m.Groups["value"].Value.Equals("TRUE", StringComparison.OrdinalIgnoreCase) ? "DEFAULT 1" : "DEFAULT 0");
        }

        text = IfNull().Replace(text, "COALESCE(");
        text = TwoArgumentMax().Replace(text, "GREATEST(");
        text = TwoArgumentMin().Replace(text, "LEAST(");
        text = Like().Replace(text, "ILIKE");
        text = BinaryCollation().Replace(text, "COLLATE \"C\"");
        text = IsNotOperator().Replace(text, "IS DISTINCT FROM ");
        text = IsOperator().Replace(text, "IS NOT DISTINCT FROM ");
        if (InsertOrIgnore().Match(text) is { Success: true } ignore)
        {
            text = text.Remove(ignore.Groups["or"].Index, ignore.Groups["or"].Length);
            var returning = Returning().Match(text);
            text = returning.Success
                ? text.Insert(returning.Index, "ON CONFLICT DO NOTHING ")
                : text.TrimEnd() + " ON CONFLICT DO NOTHING";
        }

        return text;
    }

    private static string MapColumnType(Match column)
    {
        var type = column.Groups["type"].Value.ToUpperInvariant();
        var key = column.Groups["key"].Value;
        var mapped = type switch
        {
            // SQLite's INTEGER is 64-bit, so is every integer here; booleans are stored as 0/1 in both.
            "INTEGER" or "INT" or "BIGINT" or "SMALLINT" or "TINYINT" or "MEDIUMINT" or "INT2" or "INT4" or "INT8" or "BOOLEAN" or "BOOL" =>
                key.Length > 0 ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "BIGINT",

            // Byte order, like SQLite's BINARY collation: ISO 8601 times sort as times, ids sort alike on both engines.
            // Lengths are dropped because SQLite never enforces them.
            "TEXT" or "CLOB" or "VARCHAR" or "NVARCHAR" or "CHAR" or "NCHAR" or "CHARACTER" => "TEXT COLLATE \"C\"" + key,
            "BLOB" => "BYTEA" + key,
            "REAL" or "DOUBLE" or "FLOAT" => "DOUBLE PRECISION" + key,
            _ => null,
        };
        return mapped is null
            ? column.Value
            : column.Groups["lead"].Value + column.Groups["name"].Value + column.Groups["gap"].Value + mapped;
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length]));
}
