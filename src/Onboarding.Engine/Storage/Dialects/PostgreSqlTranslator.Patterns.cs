using System.Text.RegularExpressions;

namespace Onboarding.Engine.Storage.Dialects;

// The SQLite spellings the translator looks for, compiled at build time.
public static partial class PostgreSqlTranslator
{
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

    // "WITHOUT ROWID" is a table option, dropped with the others.
    [GeneratedRegex(@"(?<!\bWITHOUT\s+)\b_?rowid_?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
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
}
