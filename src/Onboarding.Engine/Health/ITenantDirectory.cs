using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>The tenants health watches: every connected account (the onboarding flow owns the tenant records).</summary>
public interface ITenantDirectory
{
    Task<IReadOnlyList<MonitoredTenant>> ConnectedTenantsAsync(CancellationToken cancellationToken);
}

/// <summary>A connected tenant as alerts name it: "Contoso Ltd (1234567_SB1)".</summary>
public sealed record MonitoredTenant(AccountId Account, string DisplayName);
