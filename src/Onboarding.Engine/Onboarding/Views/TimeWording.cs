using System.Globalization;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>Times as cards show them: relative and absolute together ("in 58 min, 11:42 UTC"; "5 min ago, 10:37 UTC").</summary>
public static class TimeWording
{
    public static string Around(DateTimeOffset at, DateTimeOffset now)
    {
        var delta = at - now;
        var relative = Math.Abs(delta.TotalSeconds) < 60
            ? "just now"
            : delta > TimeSpan.Zero ? $"in {Span(delta)}" : $"{Span(-delta)} ago";
        return $"{relative}, {Absolute(at, now)}";
    }

    /// <summary>"11:42 UTC" today, "28 Nov 11:42 UTC" on another day, "27 Nov 2028" further away than a month.</summary>
    public static string Absolute(DateTimeOffset at, DateTimeOffset now)
    {
        var utc = at.ToUniversalTime();
        if (Math.Abs((utc - now).TotalDays) > 31)
        {
            return utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        }

        return utc.Date == now.ToUniversalTime().Date
            ? utc.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : utc.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }

    /// <summary>A calendar date for expiries: "27 Nov 2028".</summary>
    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"5 min", "1 h", "1 h 5 min", "3 days": rounded to the minute first, so 59.7 minutes reads "1 h", never "0 h 59 min".</summary>
    private static string Span(TimeSpan span)
    {
        var minutes = Math.Max(1, (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero));
        return minutes < 60 ? $"{minutes} min"
            : minutes < 48 * 60 ? (minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min")
            : $"{minutes / (24 * 60)} days";
    }
}
