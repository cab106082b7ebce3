using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>A customer's NetSuite account as the product knows it: connection state and what NetSuite said about it.</summary>
public sealed record Tenant(AccountId Account, TenantStatus Status)
{
    public string? CompanyName { get; init; }

    public string? TimeZone { get; init; }

    public long? AppRoleId { get; init; }

    public string? AppRoleName { get; init; }

    public long? EntityId { get; init; }

    public DateTimeOffset? ConnectedAt { get; init; }

    public DateTimeOffset? OffboardedAt { get; init; }

    /// <summary>"Contoso Ltd (1234567_SB1)", or the account alone while the company name is unknown.</summary>
    public string DisplayName => CompanyName is { Length: > 0 } name ? $"{name} ({Account})" : Account.Value;
}

/// <summary>Where a tenant stands: being onboarded, connected (machine access works), or offboarded (keys erased).</summary>
public enum TenantStatus
{
    Onboarding,
    Connected,
    Offboarded,
}
