namespace Onboarding.Engine.Health;

/// <summary>What a check changed about a tenant's health; alerts follow transitions, never single checks.</summary>
public enum HealthTransition
{
    /// <summary>Nothing worth telling anyone.</summary>
    None,

    /// <summary>The first failure of a run: the tenant is watched more closely.</summary>
    StartedFailing,

    /// <summary>Failures crossed the threshold: an incident opens.</summary>
    WentDown,

    /// <summary>Another failure while down.</summary>
    StillDown,

    /// <summary>A passing check after being down.</summary>
    Recovered,

    /// <summary>A passing check after failing, or after the recovered check: back to normal, quietly.</summary>
    BackToHealthy,
}
