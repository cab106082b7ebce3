using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace Onboarding.Engine.Storage.Dialects;

/// <summary>
/// Many rows' executions of one statement as a single command of many statements, each with its own parameter names
/// (<c>@Account</c> becomes <c>@Account_0</c>, <c>@Account_1</c>…). Npgsql sends a command's statements in one round
/// trip (https://www.npgsql.org/doc/performance.html, "Batching/Pipelining"), where a statement per row costs a round
/// trip per row. The rows changed are the statements' total.
/// </summary>
internal static partial class StatementBatch
{
    // Keyed by statement text: the batched statements are constants of the stores, a handful in all.
    private static readonly ConcurrentDictionary<string, Template> Templates = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="rows"/>: the statement once per row, and every row's values bound.</summary>
    public static (string Sql, DynamicParameters Parameters) For<T>(string sql, IReadOnlyList<T> rows)
    {
        var template = Templates.GetOrAdd(sql, Template.Parse);
        var text = new StringBuilder(sql.Length * rows.Count + rows.Count);
        var parameters = new DynamicParameters();
        var values = Values<T>.For(template.Names);
        for (var i = 0; i < rows.Count; i++)
        {
            template.Append(text, i);
            text.Append(";\n");
            foreach (var (name, read) in values)
            {
                parameters.Add($"{name}_{i}", read(rows[i]!));
            }
        }

        return (text.ToString(), parameters);
    }

    // The statement cut at its parameters: literal text, then a parameter's name, and so on.
    private sealed record Template(string[] Text, string[] Names)
    {
        public static Template Parse(string sql)
        {
            var matches = Parameter().Matches(sql);
            var text = new string[matches.Count + 1];
            var names = new string[matches.Count];
            var from = 0;
            for (var i = 0; i < matches.Count; i++)
            {
                text[i] = sql[from..matches[i].Index];
                names[i] = matches[i].Groups["name"].Value;
                from = matches[i].Index + matches[i].Length;
            }

            text[^1] = sql[from..];
            return new Template(text, names);
        }

        public void Append(StringBuilder builder, int row)
        {
            for (var i = 0; i < Names.Length; i++)
            {
                builder.Append(Text[i]).Append('@').Append(Names[i]).Append('_').Append(row);
            }

            builder.Append(Text[^1]);
        }
    }

    // Each named parameter's reader on the row type, found once per type and statement, matching members as Dapper does (ignoring case).
    private static class Values<T>
    {
        private static readonly ConcurrentDictionary<string, (string Name, Func<object, object?> Read)[]> Readers = new(StringComparer.Ordinal);

        public static (string Name, Func<object, object?> Read)[] For(string[] names) =>
            Readers.GetOrAdd(string.Join(',', names), _ => [.. names.Distinct(StringComparer.Ordinal).Select(name =>
            {
                var property = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                    ?? throw new InvalidOperationException($"{typeof(T).Name} has no member for the parameter @{name}.");
                return (name, (Func<object, object?>)property.GetValue);
            })]);
    }

    // A named parameter: batched statements keep '@' out of their literals (docs/storage.md, ExecuteManyAsync).
    [GeneratedRegex(@"@(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
