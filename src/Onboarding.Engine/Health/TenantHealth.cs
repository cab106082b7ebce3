using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>A tenant's persisted health: its state, the current incident (if any), and the monitor's schedule for it.</summary>
public sealed record TenantHealth(AccountId Account, HealthState State, DateTimeOffset StateSince, DateTimeOffset NextCheckAt)
{
    public DateTimeOffset? LastCheckAt { get; init; }

    public DateTimeOffset? LastGoodAt { get; init; }

    /// <summary>Conclusive failures in a row (rate-limited checks neither add nor reset).</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When the current run of failures began: "down since".</summary>
    public DateTimeOffset? FailingSince { get; init; }

    public FailureCause? Cause { get; init; }

    /// <summary>NetSuite's words for the last failure ("NetSuite said: invalid_client (401)").</summary>
    public string? Said { get; init; }

    /// <summary>The open (or just recovered) incident; its alert card is updated in place under this id.</summary>
    public string? IncidentId { get; init; }

    public DateTimeOffset? LastAlertAt { get; init; }

    public DateTimeOffset? MutedUntil { get; init; }

    public DateTimeOffset? LastBundleCheckAt { get; init; }

    /// <summary>The smallest expiry-warning threshold (in days) already announced for the active certificate.</summary>
    public int? ExpiryWarnedDays { get; init; }

    /// <summary>The certificate the expiry warnings refer to; a new certificate starts the warnings over.</summary>
    public string? ExpiryWarnedCertificateId { get; init; }

    /// <summary>When automatic renewal was last tried for the active certificate; failed attempts wait before trying again.</summary>
    public DateTimeOffset? LastRenewalAttemptAt { get; init; }

    /// <summary>Rounds of checks that passed, ever: with <see cref="ChecksFailed"/>, the summary of what the log leaves out (see <see cref="Onboarding.Engine.Storage.HealthCheckLog"/>).</summary>
    public long ChecksPassed { get; init; }

    /// <summary>Rounds of checks that failed or were inconclusive, ever.</summary>
    public long ChecksFailed { get; init; }

    /// <summary>How long the last round's deciding check took.</summary>
    public TimeSpan? LastLatency { get; init; }

    /// <summary>A tenant never checked: healthy until shown otherwise, due now.</summary>
    public static TenantHealth New(AccountId account, DateTimeOffset now) => new(account, HealthState.Healthy, now, now);
}
