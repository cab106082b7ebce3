using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Storage;

/// <summary>Onboarded (and offboarded) tenants: the account, what NetSuite told us about it, and its connection.</summary>
public sealed class TenantStore
{
    private const string Columns = """
        account_id AS AccountId, status AS Status, company_name AS CompanyName, time_zone AS TimeZone, app_role_id AS AppRoleId,
        app_role_name AS AppRoleName, entity_id AS EntityId, connected_at AS ConnectedAt, offboarded_at AS OffboardedAt
        """;

    /// <summary>
    /// Creates or updates the tenant row; null arguments keep what is stored. An onboarding of a connected tenant (Connect
    /// again) leaves it connected, and so monitored, until the new connection replaces the old. A tenant stored as connected
    /// is watched from then on (<see cref="TenantHealthStore.WatchAsync"/>), in the same transaction.
    /// </summary>
    public async Task UpsertAsync(StorageTransaction transaction, Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(tenant);
        await transaction.ExecuteAsync(
            """
            INSERT INTO tenants (account_id, status, company_name, time_zone, app_role_id, app_role_name, entity_id, connected_at, offboarded_at, updated_at)
            VALUES (@AccountId, @Status, @CompanyName, @TimeZone, @AppRoleId, @AppRoleName, @EntityId, @ConnectedAt, @OffboardedAt, @Now)
            ON CONFLICT (account_id) DO UPDATE SET
                status = CASE WHEN tenants.status = 'Connected' AND excluded.status = 'Onboarding' THEN tenants.status ELSE excluded.status END,
                company_name = COALESCE(excluded.company_name, tenants.company_name),
                time_zone = COALESCE(excluded.time_zone, tenants.time_zone),
                app_role_id = COALESCE(excluded.app_role_id, tenants.app_role_id),
                app_role_name = COALESCE(excluded.app_role_name, tenants.app_role_name),
                entity_id = COALESCE(excluded.entity_id, tenants.entity_id),
                connected_at = COALESCE(excluded.connected_at, tenants.connected_at),
                offboarded_at = excluded.offboarded_at,
                updated_at = excluded.updated_at
            """,
            new
            {
                AccountId = tenant.Account.Value,
                Status = tenant.Status.ToString(),
                tenant.CompanyName,
                tenant.TimeZone,
                tenant.AppRoleId,
                tenant.AppRoleName,
                tenant.EntityId,
                ConnectedAt = StoredTime.Format(tenant.ConnectedAt),
                OffboardedAt = StoredTime.Format(tenant.OffboardedAt),
                Now = StoredTime.Format(now),
            },
            cancellationToken).ConfigureAwait(false);
        if (tenant.Status == TenantStatus.Connected)
        {
            await TenantHealthStore.WatchAsync(transaction, tenant.Account, now, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Tenant?> FindAsync(StorageTransaction transaction, AccountId account, CancellationToken cancellationToken)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<TenantRow>(
            $"SELECT {Columns} FROM tenants WHERE account_id = @account", new { account = account.Value }, cancellationToken).ConfigureAwait(false);
        return row?.ToTenant();
    }

    private sealed class TenantRow
    {
        public string AccountId { get; set; } = "";
        public string Status { get; set; } = "";
        public string? CompanyName { get; set; }
        public string? TimeZone { get; set; }
        public long? AppRoleId { get; set; }
        public string? AppRoleName { get; set; }
        public long? EntityId { get; set; }
        public string? ConnectedAt { get; set; }
        public string? OffboardedAt { get; set; }

        public Tenant ToTenant() => new(NetSuite.AccountId.Parse(AccountId), Enum.Parse<TenantStatus>(Status))
        {
            CompanyName = CompanyName,
            TimeZone = TimeZone,
            AppRoleId = AppRoleId,
            AppRoleName = AppRoleName,
            EntityId = EntityId,
            ConnectedAt = StoredTime.ParseOrNull(ConnectedAt),
            OffboardedAt = StoredTime.ParseOrNull(OffboardedAt),
        };
    }
}
