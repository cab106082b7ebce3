using System.Text;
using Onboarding.Engine.Text;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>
/// The Block Kit renderer's escaping: every text a view carries goes into <c>plain_text</c> objects and rich-text
/// <c>text</c> elements, which Slack shows literally (no mrkdwn, no links, no mentions), after <see cref="OutsideText"/>
/// removed what no channel may show. The one mrkdwn field left — the message's notification <c>text</c> — also gets the
/// three entities Slack decodes (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>), so <c>&lt;!channel&gt;</c> or <c>&lt;url|label&gt;</c>
/// stay text (https://docs.slack.dev/messaging/formatting-message-text#escaping-text). Both fit Slack's length limits.
/// </summary>
internal static class SlackText
{
    private const string Ellipsis = "…";

    /// <summary>Text for a <c>plain_text</c> object or a rich-text element, at most <paramref name="maxLength"/> characters.</summary>
    public static string Plain(string? text, int maxLength) => OutsideText.Clean(text, maxLength);

    /// <summary>Text for a mrkdwn field, entity-escaped, at most <paramref name="maxLength"/> characters and never half an entity.</summary>
    public static string Mrkdwn(string? text, int maxLength) => Fit(Escape(OutsideText.Clean(text)), maxLength);

    private static string Escape(string text)
    {
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

    private static string Fit(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        if (cut > 0)
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
