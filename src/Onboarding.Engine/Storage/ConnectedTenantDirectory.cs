using Onboarding.Engine.Health;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Storage;

/// <summary>Health's <see cref="ITenantDirectory"/> over the flow's <see cref="TenantStore"/>: every tenant whose machine access works.</summary>
public sealed class ConnectedTenantDirectory(TenantStore tenants) : ITenantDirectory
{
    public async Task<IReadOnlyList<MonitoredTenant>> ConnectedTenantsAsync(CancellationToken cancellationToken) =>
        [.. (await tenants.AllAsync(cancellationToken).ConfigureAwait(false))
            .Where(t => t.Status == TenantStatus.Connected)
            .Select(t => new MonitoredTenant(t.Account, t.DisplayName) { TimeZone = t.TimeZone })];
}
