using System.Globalization;
using System.Text;

namespace Onboarding.Engine.Text;

/// <summary>
/// Makes any text safe to show as one run of plain text, whoever supplied it (NetSuite, a URL, a person's name, a typed
/// command): control characters and line breaks become spaces, so a value never starts a line of its own; invisible
/// format characters that hide, reorder or smuggle text (bidi overrides and isolates, zero-width spaces, Unicode tag
/// characters) are removed, except the zero-width (non-)joiners that emoji and several scripts need; runs of spaces shrink
/// to one; and very long text is cut. Every renderer's escaping function starts here and then adds what its markup needs
/// (docs/cards.md).
/// </summary>
public static class OutsideText
{
    /// <summary>Longer than any sentence a card shows; a name or an error text beyond it is cut with an ellipsis.</summary>
    public const int MaxLength = 2000;

    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>The text cleaned, and cut with an ellipsis to at most <paramref name="maxLength"/> characters (never inside a surrogate pair).</summary>
    public static string Clean(string? text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cleaned = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var lastWasSpace = false;
        var index = 0;
        while (index < text.Length && cleaned.Length <= maxLength)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            index += consumed;
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Format && rune.Value is not (ZeroWidthNonJoiner or ZeroWidthJoiner))
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                if (!lastWasSpace)
                {
                    cleaned.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            cleaned.Append(rune.ToString());
            lastWasSpace = false;
        }

        var result = cleaned.ToString();
        return Shorten(result, maxLength, cut: index < text.Length);
    }

    /// <summary>Cuts <paramref name="text"/> with an ellipsis to at most <paramref name="maxLength"/> characters, never inside a surrogate pair.</summary>
    public static string Shorten(string text, int maxLength, bool cut = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!cut && text.Length <= maxLength)
        {
            return text;
        }

        var keep = Math.Min(text.Length, maxLength - 1);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
