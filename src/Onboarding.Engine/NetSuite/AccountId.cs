using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Onboarding.Engine.Language;

namespace Onboarding.Engine.NetSuite;

/// <summary>
/// A NetSuite account id such as <c>1234567</c>, <c>1234567_SB1</c>, <c>1234567_RP</c> or <c>TSTDRV1234567</c>.
/// A security boundary: the id becomes part of a host name, so only this strict shape is accepted.
/// </summary>
public readonly partial record struct AccountId
{
    /// <summary>A valid example, for messages that reject bad input.</summary>
    public const string Example = "1234567_SB1";

    private AccountId(string canonical) => Value = canonical;

    /// <summary>The canonical form: upper case with an underscore before the suffix, e.g. <c>1234567_SB1</c>.</summary>
    public string Value { get; }

    /// <summary>The host label: lower case, underscore as hyphen, e.g. <c>1234567-sb1</c>.</summary>
    public string HostLabel => Value.ToLowerInvariant().Replace('_', '-');

    /// <summary>True for a sandbox account (<c>_SB1</c>, <c>_SB2</c>…): one that can be refreshed from production (docs/netsuite.md, C9).</summary>
    public bool IsSandbox => Value.Contains("_SB", StringComparison.Ordinal);

    public override string ToString() => Value;

    public static AccountId Parse(string? text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(Wording.English.Say(error));

    public static bool TryParse(string? text, out AccountId accountId) => TryParse(text, out accountId, out _);

    public static bool TryParse(string? text, out AccountId accountId, [NotNullWhen(false)] out Phrase? error)
    {
        accountId = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = Phrase.Of(nameof(Texts.Account_Missing), Example);
            return false;
        }

        // ASCII before anything else: case-insensitive matching would fold look-alikes such as the Kelvin sign (U+212A)
        // into ASCII letters, and the id becomes part of a host name.
        var shaped = trimmed.Length <= MaxLength && System.Text.Ascii.IsValid(trimmed) && Shape().IsMatch(trimmed);

        // Already canonical (every id read back from storage): the text itself, with nothing to take apart or rebuild.
        if (shaped && !trimmed.AsSpan().ContainsAny(NotCanonical))
        {
            accountId = new AccountId(trimmed);
            error = null;
            return true;
        }

        var match = shaped ? Shape().Match(trimmed) : null;
        if (match is not { Success: true })
        {
            error = Phrase.Of(nameof(Texts.Account_Invalid), Shorten(trimmed), Example);
            return false;
        }

        var suffix = match.Groups["suffix"].Success ? "_" + match.Groups["suffix"].Value.ToUpperInvariant() : string.Empty;
        accountId = new AccountId(match.Groups["base"].Value.ToUpperInvariant() + suffix);
        error = null;
        return true;
    }

    // What a well-shaped id changes on its way to the canonical form: lower-case letters and the hyphen separator.
    private static readonly System.Buffers.SearchValues<char> NotCanonical = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz-");

    /// <summary>The longest id the shape allows: ten letters, twelve digits and <c>_SB999</c>.</summary>
    private const int MaxLength = 28;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    // Numeric production ids, optional letter prefixes for test-drive/partner accounts, and an
    // optional _SB<n> or _RP suffix (hyphen accepted as it appears in host names). Both cases are spelt out instead of
    // RegexOptions.IgnoreCase, which matches by Unicode case folding. No match timeout is needed: the input is at most
    // MaxLength characters and the pattern nests no quantifiers, so backtracking is bounded by a few dozen steps — a
    // timeout only made a busy machine refuse valid ids. (NonBacktracking, used before, took about five times as long per
    // id, and every stored row the health monitor reads carries one.)
    [GeneratedRegex(@"^(?<base>(?:[A-Za-z]{1,10})?[0-9]{1,12})(?:[_-](?<suffix>[Ss][Bb][0-9]{1,3}|[Rr][Pp]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
