using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>The tenants health watches: every connected account (the onboarding flow owns the tenant records).</summary>
public interface ITenantDirectory
{
    Task<IReadOnlyList<MonitoredTenant>> ConnectedTenantsAsync(CancellationToken cancellationToken);
}

/// <summary>A connected tenant as alerts name it: "Contoso Ltd (1234567_SB1)", and its company's time zone when NetSuite told it.</summary>
public sealed record MonitoredTenant(AccountId Account, string DisplayName)
{
    /// <summary>The company's IANA time zone: alert times are shown in it when the reader's own zone is not known.</summary>
    public string? TimeZone { get; init; }
}
