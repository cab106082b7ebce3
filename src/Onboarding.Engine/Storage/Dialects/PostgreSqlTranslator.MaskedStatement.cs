using System.Text;

namespace Onboarding.Engine.Storage.Dialects;

public static partial class PostgreSqlTranslator
{
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
