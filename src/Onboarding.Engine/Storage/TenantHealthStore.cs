using System.Data.Common;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using static Onboarding.Engine.Storage.HealthTimestamps;

namespace Onboarding.Engine.Storage;

/// <summary>Each tenant's persisted health (one row per account), so incidents, reminders and schedules survive restarts.</summary>
public sealed class TenantHealthStore(SqliteDatabase database, TimeProvider timeProvider)
{
    private const string Columns = """
        account_id, state, state_since, next_check_at, last_check_at, last_good_at, consecutive_failures, failing_since, cause, said,
        incident_id, last_alert_at, muted_until, last_bundle_check_at, expiry_warned_days, expiry_warned_certificate_id, last_renewal_attempt_at
        """;

    // Every column but the key takes the new value (portable upsert, no SQLite-only REPLACE).
    private static readonly string UpdateAll = string.Join(", ", (Columns + ", updated_at").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(c => c != "account_id")
        .Select(c => $"{c} = excluded.{c}"));

    public async Task<TenantHealth?> FindAsync(AccountId account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tenant_health WHERE account_id = $account";
        command.Parameters.AddWithValue("$account", account.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Every tenant's health, keyed by account.</summary>
    public async Task<IReadOnlyDictionary<AccountId, TenantHealth>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tenant_health";
        var all = new Dictionary<AccountId, TenantHealth>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var health = Read(reader);
            all[health.Account] = health;
        }

        return all;
    }

    public async Task SaveAsync(TenantHealth health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO tenant_health ({Columns}, updated_at)
            VALUES ($account, $state, $stateSince, $next, $lastCheck, $lastGood, $failures, $failingSince, $cause, $said,
                    $incident, $lastAlert, $muted, $lastBundle, $warnedDays, $warnedCertificate, $renewalAttempt, $now)
            ON CONFLICT (account_id) DO UPDATE SET {UpdateAll}
            """;
        var p = command.Parameters;
        p.AddWithValue("$account", health.Account.Value);
        p.AddWithValue("$state", health.State.ToString());
        p.AddWithValue("$stateSince", Format(health.StateSince));
        p.AddWithValue("$next", Format(health.NextCheckAt));
        p.AddWithValue("$lastCheck", Format(health.LastCheckAt));
        p.AddWithValue("$lastGood", Format(health.LastGoodAt));
        p.AddWithValue("$failures", health.ConsecutiveFailures);
        p.AddWithValue("$failingSince", Format(health.FailingSince));
        p.AddWithValue("$cause", (object?)health.Cause?.ToString() ?? DBNull.Value);
        p.AddWithValue("$said", (object?)health.Said ?? DBNull.Value);
        p.AddWithValue("$incident", (object?)health.IncidentId ?? DBNull.Value);
        p.AddWithValue("$lastAlert", Format(health.LastAlertAt));
        p.AddWithValue("$muted", Format(health.MutedUntil));
        p.AddWithValue("$lastBundle", Format(health.LastBundleCheckAt));
        p.AddWithValue("$warnedDays", (object?)health.ExpiryWarnedDays ?? DBNull.Value);
        p.AddWithValue("$warnedCertificate", (object?)health.ExpiryWarnedCertificateId ?? DBNull.Value);
        p.AddWithValue("$renewalAttempt", Format(health.LastRenewalAttemptAt));
        p.AddWithValue("$now", Format(timeProvider.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static TenantHealth Read(DbDataReader r) =>
        new(AccountId.Parse(r.GetString(0)), Enum.Parse<HealthState>(r.GetString(1)), Parse(r.GetValue(2))!.Value, Parse(r.GetValue(3))!.Value)
        {
            LastCheckAt = Parse(r.GetValue(4)),
            LastGoodAt = Parse(r.GetValue(5)),
            ConsecutiveFailures = r.GetInt32(6),
            FailingSince = Parse(r.GetValue(7)),
            Cause = r.IsDBNull(8) ? null : Enum.Parse<FailureCause>(r.GetString(8)),
            Said = r.IsDBNull(9) ? null : r.GetString(9),
            IncidentId = r.IsDBNull(10) ? null : r.GetString(10),
            LastAlertAt = Parse(r.GetValue(11)),
            MutedUntil = Parse(r.GetValue(12)),
            LastBundleCheckAt = Parse(r.GetValue(13)),
            ExpiryWarnedDays = r.IsDBNull(14) ? null : r.GetInt32(14),
            ExpiryWarnedCertificateId = r.IsDBNull(15) ? null : r.GetString(15),
            LastRenewalAttemptAt = Parse(r.GetValue(16)),
        };
}
