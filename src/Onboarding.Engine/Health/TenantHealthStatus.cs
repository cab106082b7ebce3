using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>What <c>status</c> shows about a tenant's connection: health, last check, certificate expiry.</summary>
public sealed record TenantHealthStatus(AccountId Account, HealthState? State, DateTimeOffset? LastCheckAt, DateTimeOffset? CertificateExpiresAt, FailureCause? Cause)
{
    /// <summary>"🟢 healthy", "🟠 failing", "🔴 down", "🟢 recovered", or "not checked yet".</summary>
    public string Badge(Wording w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return w.Say(State switch
        {
            HealthState.Healthy => nameof(Health_Healthy),
            HealthState.Recovered => nameof(Health_Recovered),
            HealthState.Failing => nameof(Health_Failing),
            HealthState.Down => nameof(Health_Down),
            _ => nameof(Health_NotChecked),
        });
    }
}
