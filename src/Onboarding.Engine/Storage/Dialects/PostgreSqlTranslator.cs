using System.Text;
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

    [GeneratedRegex(@"\b(datetime|julianday|strftime|unixepoch|date|time)\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqliteTimeFunction();

    [GeneratedRegex(@"\bCURRENT_(TIMESTAMP|DATE|TIME)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqlClock();

    [GeneratedRegex(@"(?<=[(,]\s*[A-Za-z_][A-Za-z0-9_]*\s+)(DATETIME|TIMESTAMPTZ|TIMESTAMP|DATE|TIME)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeColumnType();

    [GeneratedRegex(@"\bINSERT\s+OR\s+(REPLACE|ABORT|FAIL|ROLLBACK)\b|^REPLACE\s+INTO\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplacingInsert();

    [GeneratedRegex(@"\blast_insert_rowid\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastInsertRowId();

    [GeneratedRegex(@"\bgroup_concat\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupConcat();

    [GeneratedRegex(@"\b(instr|printf|hex|unhex|random|randomblob|zeroblob|total_changes|changes|typeof|likelihood|iif)\s*\(|\bGLOB\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqliteOnlyFunction();

    [GeneratedRegex(@"\bCOLLATE\s+(NOCASE|RTRIM)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqliteCollation();

    [GeneratedRegex(@"^CREATE\s+(TEMP\s+|TEMPORARY\s+)?TABLE\b[\s\S]*\bON\s+CONFLICT\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConflictClauseInDdl();

    [GeneratedRegex(@"\b_?rowid_?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RowId();

    [GeneratedRegex(@"(?<=[(,]\s*[A-Za-z_][A-Za-z0-9_]*\s+)(NUMERIC|DECIMAL)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExactNumericType();

    [GeneratedRegex(@"`|\[[A-Za-z_]", RegexOptions.CultureInvariant)]
    private static partial Regex SqliteQuotedIdentifier();

    [GeneratedRegex(@"^CREATE\s+(TEMP\s+|TEMPORARY\s+)?TABLE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateTable();

    // A column definition: what precedes it, its name, its type (with an optional size) and a column-level primary key.
    [GeneratedRegex(
        @"(?<lead>(?:\(|,|\bADD\s+COLUMN\b|\bADD\b)\s*)(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<gap>\s+)(?<type>[A-Za-z][A-Za-z0-9_]*)(?:\s+PRECISION\b)?(?:\s*\(\s*\d+\s*(?:,\s*\d+\s*)?\))?(?<key>\s+PRIMARY\s+KEY(?:\s+(?:ASC|DESC))?(?:\s+AUTOINCREMENT)?)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ColumnDefinition();

    [GeneratedRegex(@"\bWITHOUT\s+ROWID\b|\bSTRICT\b|(?<=\))\s*,\s*(?=$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableOption();

    [GeneratedRegex(@"\bDEFAULT\s+(?<value>TRUE|FALSE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BooleanDefault();

    [GeneratedRegex(@"\bAUTOINCREMENT\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Autoincrement();

    [GeneratedRegex(@"\bIFNULL\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IfNull();

    // SQLite's scalar max(a, b) / min(a, b), told from the aggregates by the comma before the first closing parenthesis.
    [GeneratedRegex(@"\bMAX\s*\((?=[^()]*,[^()]*\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TwoArgumentMax();

    [GeneratedRegex(@"\bMIN\s*\((?=[^()]*,[^()]*\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TwoArgumentMin();

    // SQLite's LIKE ignores the case of ASCII letters (https://www.sqlite.org/lang_expr.html#like); PostgreSQL's ILIKE does too.
    [GeneratedRegex(@"(?<!I)\bLIKE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Like();

    [GeneratedRegex(@"\bCOLLATE\s+BINARY\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BinaryCollation();

    [GeneratedRegex(@"\bjson_(extract|each|tree|set|insert|replace|remove|patch|group_array|group_object|array_length|type|valid|quote)\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqliteJsonFunction();

    [GeneratedRegex(@"^CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b|^CREATE\s+VIRTUAL\s+TABLE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TriggerOrVirtualTable();

    // SQLite's "a IS NOT b" / "a IS b" compare values null-safely; PostgreSQL spells that IS [NOT] DISTINCT FROM.
    [GeneratedRegex(@"\bIS\s+NOT\s+(?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b|UNKNOWN\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsNotOperator();

    [GeneratedRegex(@"\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b|UNKNOWN\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsOperator();

    [GeneratedRegex(@"^INSERT(?<or>\s+OR\s+IGNORE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InsertOrIgnore();

    [GeneratedRegex(@"\bRETURNING\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Returning();

    /// <summary>One statement with its literals, quoted identifiers and comments masked, so rules see only code.</summary>
    private sealed class MaskedStatement
    {
        private readonly List<string> _masked = [];

        public string Text { get; private set; } = string.Empty;

        public static IReadOnlyList<MaskedStatement> Split(string sql)
        {
            var statements = new List<MaskedStatement>();
            var current = new MaskedStatement();
            var code = new StringBuilder();
            for (var i = 0; i < sql.Length; i++)
            {
                var c = sql[i];
                var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
                if (c is '\'' or '"')
                {
                    var end = ClosingQuote(sql, i);
                    current._masked.Add(sql[i..end]);
                    code.Append(MaskStart).Append(current._masked.Count - 1).Append(MaskEnd);
                    i = end - 1;
                }
                else if (c == '-' && next == '-')
                {
                    var end = sql.IndexOf('\n', i);
                    i = end < 0 ? sql.Length : end - 1;
                    code.Append(' ');
                }
                else if (c == '/' && next == '*')
                {
                    var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? sql.Length : end + 1;
                    code.Append(' ');
                }
                else if (c == ';')
                {
                    current.Text = code.ToString();
                    statements.Add(current);
                    current = new MaskedStatement();
                    code.Clear();
                }
                else
                {
                    code.Append(c);
                }
            }

            current.Text = code.ToString();
            statements.Add(current);
            return statements;
        }

        public string Unmask(string text)
        {
            var result = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != MaskStart)
                {
                    result.Append(text[i]);
                    continue;
                }

                var end = text.IndexOf(MaskEnd, i);
                result.Append(_masked[int.Parse(text.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture)]);
                i = end;
            }

            return result.ToString();
        }

        // Just past the quote that closes the one at start ('' and "" inside are escaped quotes); the end of the text if none.
        private static int ClosingQuote(string sql, int start)
        {
            var quote = sql[start];
            for (var i = start + 1; i < sql.Length; i++)
            {
                if (sql[i] != quote)
                {
                    continue;
                }

                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }

            return sql.Length;
        }
    }
}
