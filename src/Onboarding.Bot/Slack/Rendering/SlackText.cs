using System.Text;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>Text for Block Kit: mrkdwn escaping (only <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) and truncation within Slack's limits.</summary>
internal static class SlackText
{
    private const string Ellipsis = "…";

    /// <summary>Escapes the three characters mrkdwn decodes; nothing else is entity-encoded.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Escapes, then shortens to <paramref name="maxLength"/> without cutting an entity or a surrogate pair in half.</summary>
    public static string EscapeWithin(string text, int maxLength) => Fit(Escape(text), maxLength, escaped: true);

    /// <summary>Shortens plain text (headers, button labels) to <paramref name="maxLength"/>.</summary>
    public static string Truncate(string text, int maxLength) => Fit(text, maxLength, escaped: false);

    private static string Fit(string text, int maxLength, bool escaped)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        if (escaped && cut > 0)
        {
            var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
            if (amp >= 0 && text.IndexOf(';', amp, cut - amp) < 0)
            {
                cut = amp;
            }
        }

        return string.Concat(text.AsSpan(0, Math.Max(cut, 0)), Ellipsis);
    }
}
