using System.Globalization;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Instants as stored, on every provider: ISO 8601 round-trip text in UTC (<c>2026-11-28T10:00:00.0000000+00:00</c>), fixed
/// width, so text order is time order in any SQL engine. Bind <see cref="Format(DateTimeOffset)"/> of the TimeProvider's
/// time; never let SQL read its own clock.
/// </summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    // Exactly the round-trip shape first: its parser is several times cheaper than the general one, and a health row alone
    // holds eight instants; anything else ISO 8601 still reads.
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset? ParseOrNull(string? text) => text is null ? null : Parse(text);
}
