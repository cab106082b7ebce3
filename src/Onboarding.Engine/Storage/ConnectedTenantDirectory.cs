using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Storage;

/// <summary>Health's <see cref="ITenantDirectory"/> over the flow's <see cref="TenantStore"/>: a tenant whose machine access works.</summary>
public sealed class ConnectedTenantDirectory(Database database, TenantStore tenants) : ITenantDirectory
{
    public async Task<MonitoredTenant?> FindConnectedAsync(AccountId account, CancellationToken cancellationToken) =>
        await StorageTransaction.ReadAsync(database, read => tenants.FindAsync(read, account, cancellationToken), cancellationToken).ConfigureAwait(false)
            is { Status: TenantStatus.Connected } tenant
            ? new MonitoredTenant(tenant.Account, tenant.DisplayName) { TimeZone = tenant.TimeZone }
            : null;
}
