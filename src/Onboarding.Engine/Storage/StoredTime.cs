using System.Globalization;

namespace Onboarding.Engine.Storage;

/// <summary>Times as stored: ISO 8601 round-trip text in UTC, so text order is time order in any SQL engine.</summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset? ParseOrNull(string? text) => text is null ? null : Parse(text);
}
