using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Storage;

/// <summary>Each tenant's persisted health (one row per account), so incidents, reminders and schedules survive restarts.</summary>
public sealed class TenantHealthStore(Database database, TimeProvider timeProvider)
{
    private const string Columns = """
        account_id AS Account, state AS State, state_since AS StateSince, next_check_at AS NextCheckAt, last_check_at AS LastCheckAt,
        last_good_at AS LastGoodAt, consecutive_failures AS ConsecutiveFailures, failing_since AS FailingSince, cause AS Cause, said AS Said,
        incident_id AS IncidentId, last_alert_at AS LastAlertAt, muted_until AS MutedUntil, last_bundle_check_at AS LastBundleCheckAt,
        expiry_warned_days AS ExpiryWarnedDays, expiry_warned_certificate_id AS ExpiryWarnedCertificateId, last_renewal_attempt_at AS LastRenewalAttemptAt
        """;

    private static readonly string[] ColumnNames =
    [
        "account_id", "state", "state_since", "next_check_at", "last_check_at", "last_good_at", "consecutive_failures", "failing_since", "cause",
        "said", "incident_id", "last_alert_at", "muted_until", "last_bundle_check_at", "expiry_warned_days", "expiry_warned_certificate_id",
        "last_renewal_attempt_at", "updated_at",
    ];

    // Every column but the key takes the new value (portable upsert, no SQLite-only REPLACE).
    private static readonly string Upsert = $"""
        INSERT INTO tenant_health ({string.Join(", ", ColumnNames)})
        VALUES (@Account, @State, @StateSince, @NextCheckAt, @LastCheckAt, @LastGoodAt, @ConsecutiveFailures, @FailingSince, @Cause, @Said,
                @IncidentId, @LastAlertAt, @MutedUntil, @LastBundleCheckAt, @ExpiryWarnedDays, @ExpiryWarnedCertificateId, @LastRenewalAttemptAt, @UpdatedAt)
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

    public Task SaveAsync(TenantHealth health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        return StorageTransaction.WriteAsync(
            database,
            StorageAccess.ConcurrentWrite,
            write => write.ExecuteAsync(Upsert, HealthRow.From(health, timeProvider.GetUtcNow()), cancellationToken),
            cancellationToken);
    }

    /// <summary>The table's row shape for Dapper; conversions live here and nowhere else.</summary>
    private sealed class HealthRow
    {
        public string Account { get; set; } = "";
        public string State { get; set; } = "";
        public string StateSince { get; set; } = "";
        public string NextCheckAt { get; set; } = "";
        public string? LastCheckAt { get; set; }
        public string? LastGoodAt { get; set; }
        public long ConsecutiveFailures { get; set; }
        public string? FailingSince { get; set; }
        public string? Cause { get; set; }
        public string? Said { get; set; }
        public string? IncidentId { get; set; }
        public string? LastAlertAt { get; set; }
        public string? MutedUntil { get; set; }
        public string? LastBundleCheckAt { get; set; }
        public long? ExpiryWarnedDays { get; set; }
        public string? ExpiryWarnedCertificateId { get; set; }
        public string? LastRenewalAttemptAt { get; set; }
        public string? UpdatedAt { get; set; }

        public static HealthRow From(TenantHealth h, DateTimeOffset now) => new()
        {
            Account = h.Account.Value,
            State = h.State.ToString(),
            StateSince = StoredTime.Format(h.StateSince),
            NextCheckAt = StoredTime.Format(h.NextCheckAt),
            LastCheckAt = StoredTime.Format(h.LastCheckAt),
            LastGoodAt = StoredTime.Format(h.LastGoodAt),
            ConsecutiveFailures = h.ConsecutiveFailures,
            FailingSince = StoredTime.Format(h.FailingSince),
            Cause = h.Cause?.ToString(),
            Said = h.Said,
            IncidentId = h.IncidentId,
            LastAlertAt = StoredTime.Format(h.LastAlertAt),
            MutedUntil = StoredTime.Format(h.MutedUntil),
            LastBundleCheckAt = StoredTime.Format(h.LastBundleCheckAt),
            ExpiryWarnedDays = h.ExpiryWarnedDays,
            ExpiryWarnedCertificateId = h.ExpiryWarnedCertificateId,
            LastRenewalAttemptAt = StoredTime.Format(h.LastRenewalAttemptAt),
            UpdatedAt = StoredTime.Format(now),
        };

        public TenantHealth ToHealth() =>
            new(AccountId.Parse(Account), Enum.Parse<HealthState>(State), StoredTime.Parse(StateSince), StoredTime.Parse(NextCheckAt))
            {
                LastCheckAt = StoredTime.ParseOrNull(LastCheckAt),
                LastGoodAt = StoredTime.ParseOrNull(LastGoodAt),
                ConsecutiveFailures = checked((int)ConsecutiveFailures),
                FailingSince = StoredTime.ParseOrNull(FailingSince),
                Cause = Cause is null ? null : Enum.Parse<FailureCause>(Cause),
                Said = Said,
                IncidentId = IncidentId,
                LastAlertAt = StoredTime.ParseOrNull(LastAlertAt),
                MutedUntil = StoredTime.ParseOrNull(MutedUntil),
                LastBundleCheckAt = StoredTime.ParseOrNull(LastBundleCheckAt),
                ExpiryWarnedDays = ExpiryWarnedDays is { } days ? checked((int)days) : null,
                ExpiryWarnedCertificateId = ExpiryWarnedCertificateId,
                LastRenewalAttemptAt = StoredTime.ParseOrNull(LastRenewalAttemptAt),
            };
    }
}
