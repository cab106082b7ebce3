using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage.Dialects;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Each tenant's persisted health (one row per account), so incidents, reminders and schedules survive restarts. Whoever
/// checks a tenant or changes its health claims its row first (<c>claimed_by</c> until <c>claim_until</c>), so instances
/// sharing the database check each tenant once and never overwrite each other's results (docs/scale-out.md).
/// </summary>
public sealed partial class TenantHealthStore(Database database, TenantKeyStore keys, TimeProvider timeProvider)
{
    // Rows whose tenant may be checked: connected (an offboarded tenant keeps its row until retention removes it). A lookup
    // by key per row considered, so a claim reads only the rows it takes, not every tenant.
    private const string ConnectedTenant = "t.account_id = tenant_health.account_id AND t.status = 'Connected'";

    private const string Connected = $"EXISTS (SELECT 1 FROM tenants t WHERE {ConnectedTenant})";

    // Free: never claimed, released, or claimed by someone whose claim has run out.
    private const string Unclaimed = "(claimed_by IS NULL OR claim_until <= @now)";

    private const string Columns = """
        account_id AS Account, state AS State, state_since AS StateSince, next_check_at AS NextCheckAt, last_check_at AS LastCheckAt,
        last_good_at AS LastGoodAt, consecutive_failures AS ConsecutiveFailures, failing_since AS FailingSince, cause AS Cause, said AS Said,
        incident_id AS IncidentId, last_alert_at AS LastAlertAt, muted_until AS MutedUntil, last_bundle_check_at AS LastBundleCheckAt,
        expiry_warned_days AS ExpiryWarnedDays, expiry_warned_certificate_id AS ExpiryWarnedCertificateId, last_renewal_attempt_at AS LastRenewalAttemptAt,
        checks_passed AS ChecksPassed, checks_failed AS ChecksFailed, last_latency_ms AS LastLatencyMs
        """;

    // Every column of the table, the key first, in the order the whole-row set writes them (the claimant is not a column).
    private static readonly string[] ColumnNames = [.. HealthRow.Whole.Names.Where(name => name != HolderField)];

    // The claimant of each row in a set written under claims (SaveUnderClaims); the key is account_id.
    private const string HolderField = "holder";

    // Every column but the key takes the new value (portable upsert, no SQLite-only REPLACE).
    private static readonly string Upsert = $"""
        INSERT INTO tenant_health ({string.Join(", ", ColumnNames)})
        VALUES ({string.Join(", ", ColumnNames.Select(c => $"@{ParameterOf(c)}"))})
        ON CONFLICT (account_id) DO UPDATE SET {string.Join(", ", ColumnNames.Skip(1).Select(c => $"{c} = excluded.{c}"))}
        """;

    public async Task<TenantHealth?> FindAsync(AccountId account, CancellationToken cancellationToken) =>
        (await StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<HealthRow>(
            $"SELECT {Columns} FROM tenant_health WHERE account_id = @account", new { account = account.Value }, cancellationToken), cancellationToken).ConfigureAwait(false))
            ?.ToHealth();

    /// <summary>Every tenant's health, keyed by account.</summary>
    public async Task<IReadOnlyDictionary<AccountId, TenantHealth>> AllAsync(CancellationToken cancellationToken)
    {
        var rows = await StorageTransaction.ReadAsync(database, read => read.QueryAsync<HealthRow>(
            $"SELECT {Columns} FROM tenant_health", null, cancellationToken), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToHealth()).ToDictionary(h => h.Account);
    }

    /// <summary>
    /// Starts watching a tenant that has just been connected, in the transaction that connects it: a health row, healthy
    /// until checked and due at once. A tenant connected again keeps the row (and the health) it has. Written here rather
    /// than found by each monitor cycle, so a cycle never scans the tenants for new ones (migration 206 gave the tenants
    /// connected before this their rows).
    /// </summary>
    internal static Task WatchAsync(StorageTransaction transaction, AccountId account, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO tenant_health (account_id, state, state_since, next_check_at, consecutive_failures, updated_at)
            VALUES (@account, @healthy, @now, @now, 0, @now)
            ON CONFLICT (account_id) DO NOTHING
            """,
            new { account = account.Value, now = StoredTime.Format(now), healthy = HealthState.Healthy.ToString() },
            cancellationToken);

    /// <summary>Whether the account is a connected tenant with a health row (one the monitor may check).</summary>
    public async Task<bool> IsConnectedAsync(AccountId account, CancellationToken cancellationToken) =>
        await StorageTransaction.ReadAsync(database, read => read.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM tenant_health WHERE account_id = @account AND {Connected}", new { account = account.Value }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Connected tenants due for a check and not claimed, as counted now (a snapshot: other instances claim meanwhile).</summary>
    public Task<long> DueCountAsync(CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => read.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM tenant_health WHERE next_check_at <= @now AND {Unclaimed} AND {Connected}",
            new { now = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);

    /// <summary>
    /// Stores health of claimed tenants, each only while its claimant still holds it; <paramref name="release"/> ends the
    /// claims. Returns the rows written: fewer than given when a claim had run out and someone else took the tenant over.
    /// </summary>
    public Task<int> SaveClaimedAsync(StorageTransaction transaction, IEnumerable<(TenantHealth Health, string Holder)> claimed, bool release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(claimed);
        var now = timeProvider.GetUtcNow();
        return SaveUnderClaimsAsync(transaction, HealthRow.Whole, claimed.Select(c => HealthRow.From(c.Health, now, c.Holder)), release, cancellationToken);
    }

    /// <summary>
    /// Stores the health each claimed tenant's check led to and ends the claims, like <see cref="SaveClaimedAsync(StorageTransaction, IEnumerable{ValueTuple{TenantHealth, string}}, bool, CancellationToken)"/>;
    /// a routine check (most of them) writes only its schedule and summary. Returns the rows written.
    /// </summary>
    public async Task<int> SaveCheckedAsync(StorageTransaction transaction, IReadOnlyCollection<(TenantHealth Before, TenantHealth After, string Holder)> checkedTenants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(checkedTenants);
        var now = timeProvider.GetUtcNow();

        // In account order, as the rows are stored: consecutive rows then change the same few pages.
        var byKind = checkedTenants.OrderBy(c => c.After.Account.Value, StringComparer.Ordinal).ToLookup(c => IsRoutine(c.Before, c.After));
        var written = byKind[true].Any()
            ? await SaveUnderClaimsAsync(transaction, RoutineRow.Written, byKind[true].Select(c => RoutineRow.Of(c.After, now, c.Holder)), release: true, cancellationToken).ConfigureAwait(false)
            : 0;
        return written + (byKind[false].Any()
            ? await SaveClaimedAsync(transaction, byKind[false].Select(c => (c.After, c.Holder)), release: true, cancellationToken).ConfigureAwait(false)
            : 0);
    }

    /// <summary><see cref="SaveClaimedAsync(StorageTransaction, IEnumerable{ValueTuple{TenantHealth, string}}, bool, CancellationToken)"/> for one tenant, in its own transaction.</summary>
    public async Task<bool> SaveClaimedAsync(TenantHealth health, string holder, bool release, CancellationToken cancellationToken) =>
        await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write =>
            SaveClaimedAsync(write, [(health, holder)], release, cancellationToken), cancellationToken).ConfigureAwait(false) == 1;

    public Task SaveAsync(TenantHealth health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        return StorageTransaction.WriteAsync(
            database,
            StorageAccess.ConcurrentWrite,
            write => write.ExecuteAsync(Upsert, HealthRow.From(health, timeProvider.GetUtcNow()), cancellationToken),
            cancellationToken);
    }

    // Routine: the check changed nothing but what a routine write sets (RoutineRow), so the rest of the row (as claimed) stays.
    private static bool IsRoutine(TenantHealth before, TenantHealth after) => before.Account == after.Account && after with
    {
        NextCheckAt = before.NextCheckAt,
        LastCheckAt = before.LastCheckAt,
        LastGoodAt = before.LastGoodAt,
        ChecksPassed = before.ChecksPassed,
        ChecksFailed = before.ChecksFailed,
        LastLatency = before.LastLatency,
    } == before;

    // One statement for a set of rows (account_id, holder, then the columns to set): each row is written only while its
    // claimant still holds the tenant; releasing also ends the claims. Returns the rows written.
    private static Task<int> SaveUnderClaimsAsync<T>(StorageTransaction transaction, JsonRowSet<T> set, IEnumerable<T> rows, bool release, CancellationToken cancellationToken)
    {
        var assignments = set.Names.Where(name => name is not ("account_id" or HolderField)).Select(column => $"{column} = r.{column}")
            .Concat(release ? ["claimed_by = NULL", "claim_until = NULL"] : []);
        return set.ExecuteAsync(
            transaction,
            $"""
            UPDATE tenant_health SET {string.Join(", ", assignments)}
            FROM ({set.Select(transaction.Dialect, "rows")}) AS r
            WHERE tenant_health.account_id = r.account_id AND tenant_health.claimed_by = r.{HolderField}
            """,
            rows,
            cancellationToken);
    }

    // The row class's member for a column: account_id → Account, the rest in PascalCase.
    private static string ParameterOf(string column) =>
        column == "account_id" ? "Account" : string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
