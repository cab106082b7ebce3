using System.Globalization;
using System.Text;

namespace Onboarding.Bot.Text;

/// <summary>
/// Makes any text safe to show as one run of plain text, whoever supplied it (NetSuite, a URL, a person's name, a typed
/// command): control characters and line breaks become spaces, so a value never starts a line of its own; invisible
/// format characters that hide, reorder or smuggle text (bidi overrides and isolates, zero-width spaces, Unicode tag
/// characters) are removed, except the zero-width (non-)joiners that emoji and several scripts need; runs of spaces shrink
/// to one; and very long text is cut. Every renderer's escaping function starts here and then adds what its markup needs
/// (docs/cards.md).
/// </summary>
internal static class OutsideText
{
    /// <summary>Longer than any sentence a card shows; a name or an error text beyond it is cut with an ellipsis.</summary>
    public const int MaxLength = 2000;

    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cleaned = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var lastWasSpace = false;
        var index = 0;
        while (index < text.Length && cleaned.Length <= MaxLength)
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

        if (cleaned.Length > MaxLength || index < text.Length)
        {
            var cut = Math.Min(cleaned.Length, MaxLength - 1);
            if (cut > 0 && char.IsHighSurrogate(cleaned[cut - 1]))
            {
                cut--;
            }

            cleaned.Length = cut;
            cleaned.Append('…');
        }

        return cleaned.ToString();
    }
}
