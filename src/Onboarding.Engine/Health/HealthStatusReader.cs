using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Health;

/// <summary>Reads the health side of the status board: for each account, its health, last check and certificate expiry.</summary>
public sealed class HealthStatusReader(TenantHealthStore healthStore, ITenantKeyRing keys)
{
    public async Task<IReadOnlyDictionary<AccountId, TenantHealthStatus>> ReadAsync(IEnumerable<AccountId> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var health = await healthStore.AllAsync(cancellationToken).ConfigureAwait(false);
        var statuses = new Dictionary<AccountId, TenantHealthStatus>();
        foreach (var account in accounts.Distinct())
        {
            var key = await keys.ActiveKeyAsync(account, cancellationToken).ConfigureAwait(false);
            var h = health.GetValueOrDefault(account);
            statuses[account] = new TenantHealthStatus(account, h?.State, h?.LastCheckAt, key?.ValidUntil, h?.Cause);
        }

        return statuses;
    }
}
