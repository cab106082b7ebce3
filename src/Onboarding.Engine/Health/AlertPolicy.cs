namespace Onboarding.Engine.Health;

/// <summary>Decides when an incident deserves words: on transitions, and reminders at a slow pace while it lasts.</summary>
public static class AlertPolicy
{
    /// <summary>The alert to send after a check moved <paramref name="before"/> to <paramref name="after"/>, or null for silence.</summary>
    public static AlertKind? Decide(TenantHealth before, TenantHealth after, HealthTransition transition, DateTimeOffset now, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(options);
        return transition switch
        {
            HealthTransition.WentDown => AlertKind.Down,
            HealthTransition.Recovered => AlertKind.Recovered,
            HealthTransition.StillDown when ReminderDue(after, now, options) => AlertKind.Reminder,
            HealthTransition.StillDown when before.Cause != after.Cause => AlertKind.Update,
            _ => null,
        };
    }

    private static bool ReminderDue(TenantHealth health, DateTimeOffset now, HealthOptions options) =>
        !(health.MutedUntil > now) && (health.LastAlertAt is not { } last || now - last >= options.ReminderInterval);
}
