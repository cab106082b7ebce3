using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>What <c>status</c> shows about a tenant's connection: health, last check, certificate expiry.</summary>
public sealed record TenantHealthStatus(AccountId Account, HealthState? State, DateTimeOffset? LastCheckAt, DateTimeOffset? CertificateExpiresAt, FailureCause? Cause)
{
    /// <summary>"🟢 healthy", "🟠 failing", "🔴 down", "🟢 recovered", or "not checked yet".</summary>
    public string Badge => State switch
    {
        HealthState.Healthy => "🟢 healthy",
        HealthState.Recovered => "🟢 recovered",
        HealthState.Failing => "🟠 failing",
        HealthState.Down => "🔴 down",
        _ => "not checked yet",
    };
}
