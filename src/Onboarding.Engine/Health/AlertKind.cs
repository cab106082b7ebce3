namespace Onboarding.Engine.Health;

/// <summary>What the alert policy wants said about an incident.</summary>
public enum AlertKind
{
    /// <summary>Post the incident's card: the tenant went down.</summary>
    Down,

    /// <summary>Bump the card and post a short "still down" notice.</summary>
    Reminder,

    /// <summary>Refresh the card in place without notifying anyone (cause changed, muted).</summary>
    Update,

    /// <summary>Turn the card green and post one short recovery notice.</summary>
    Recovered,
}
