using System.Text.RegularExpressions;
using Onboarding.Engine.Text;

namespace Onboarding.Bot.Teams;

/// <summary>
/// The Adaptive Card renderer's one escaping function. Every text a view carries reaches the card as a <c>TextRun</c>,
/// which hosts show as it is — no Markdown, no links, no HTML (Adaptive Cards schema: TextRun) — so what is left to
/// neutralise is what a TextRun still interprets: the <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> text functions, plus the
/// invisible and control characters every channel removes (<see cref="OutsideText"/>).
/// </summary>
internal static partial class AdaptiveCardText
{
    public static string Inert(string? text, int maxLength = OutsideText.MaxLength) =>
        OutsideText.Shorten(BraceBeforeBrace().Replace(OutsideText.Clean(text), "{\u2060"), maxLength);

    // A word joiner after every brace that another follows: invisible, keeps the text on one line, and "{{" never forms.
    [GeneratedRegex(@"\{(?=\{)", RegexOptions.CultureInvariant)]
    private static partial Regex BraceBeforeBrace();
}
