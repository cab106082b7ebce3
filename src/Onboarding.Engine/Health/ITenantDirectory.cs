using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>The tenants health speaks of: connected accounts, as alerts name them (the onboarding flow owns the tenant records).</summary>
public interface ITenantDirectory
{
    /// <summary>The tenant when it is connected; null when it is not (never onboarded, still onboarding, or offboarded).</summary>
    Task<MonitoredTenant?> FindConnectedAsync(AccountId account, CancellationToken cancellationToken);
}

/// <summary>A connected tenant as alerts name it: "Contoso Ltd (1234567_SB1)", and its company's time zone when NetSuite told it.</summary>
public sealed record MonitoredTenant(AccountId Account, string DisplayName)
{
    /// <summary>The company's IANA time zone: alert times are shown in it when the reader's own zone is not known.</summary>
    public string? TimeZone { get; init; }
}

public static class TenantDirectoryExtensions
{
    /// <summary>
    /// The tenant as a message about it names it, read when one is about to be sent (checks themselves need no name); the
    /// account alone when it stopped being connected since it was claimed.
    /// </summary>
    public static async Task<MonitoredTenant> NamedAsync(this ITenantDirectory directory, AccountId account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return await directory.FindConnectedAsync(account, cancellationToken).ConfigureAwait(false) ?? new MonitoredTenant(account, account.Value);
    }
}
