using System.Globalization;

namespace Onboarding.Engine.Storage;

/// <summary>How health tables store instants: ISO 8601 round-trip text in UTC, so they sort and compare as text.</summary>
internal static class HealthTimestamps
{
    public static object Format(DateTimeOffset? value) =>
        value is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : DBNull.Value;

    public static DateTimeOffset? Parse(object? value) =>
        value is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;
}
