using Onboarding.Engine.Text;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>
/// NetSuite's own words in an answer (an error code, an error message) as the product keeps them. They come from a
/// server we do not control and go on to logs, cards and the database, so they are cleaned as all outside text is
/// (<see cref="OutsideText"/>: control characters, which could start a forged log line or, as NUL, are text PostgreSQL
/// cannot store, become spaces) as soon as they are read, and cut to what a code or a message can reasonably be.
/// </summary>
internal static class NetSuiteText
{
    /// <summary>NetSuite's codes are short identifiers (<c>INVALID_LOGIN</c>); anything longer is not one.</summary>
    public const int MaxCodeLength = 100;

    public const int MaxMessageLength = 1000;

    /// <summary>The text cleaned and cut to <paramref name="maxLength"/>; null when nothing is left.</summary>
    public static string? Clean(string? text, int maxLength) =>
        OutsideText.Clean(text, maxLength).Trim() is { Length: > 0 } cleaned ? cleaned : null;
}
