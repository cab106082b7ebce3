using System.Globalization;

namespace Onboarding.Engine.Health;

/// <summary>Times and durations as health cards say them: "10:05 UTC", "42 min", "4 h 10 min", "3 days".</summary>
internal static class HealthWording
{
    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"10:05 UTC" today, "27 Nov 10:05 UTC" on another day.</summary>
    public static string When(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.Date == now.UtcDateTime.Date ? Clock(at) : at.UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "under a minute";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return $"{(int)span.TotalMinutes} min";
        }

        if (span < TimeSpan.FromDays(2))
        {
            return span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
        }

        return $"{(int)span.TotalDays} days";
    }
}
