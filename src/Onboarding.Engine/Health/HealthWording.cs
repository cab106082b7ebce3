namespace Onboarding.Engine.Health;

/// <summary>How long something lasted, as health cards say it: "42 min", "4 h 10 min", "3 days" (points in time use TimeWording).</summary>
internal static class HealthWording
{
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
