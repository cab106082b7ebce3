namespace Onboarding.Engine.Health;

/// <summary>A tenant's connection health: Healthy → Failing → Down → Recovered (→ Healthy).</summary>
public enum HealthState
{
    /// <summary>The last conclusive check passed (or none has run yet).</summary>
    Healthy,

    /// <summary>Checks fail, but not yet often enough to call it an incident.</summary>
    Failing,

    /// <summary>An incident: alerts went out and reminders follow until it heals.</summary>
    Down,

    /// <summary>The first passing check after being down; the next passing check makes it Healthy.</summary>
    Recovered,
}
