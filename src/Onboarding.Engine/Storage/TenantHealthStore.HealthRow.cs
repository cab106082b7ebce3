using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage.Dialects;

namespace Onboarding.Engine.Storage;

// The tenant_health row as Dapper reads and writes it.
public sealed partial class TenantHealthStore
{
    /// <summary>
    /// What a routine check writes (<see cref="Written"/>: the schedule and the summary, plus the key and the claimant), and
    /// the part of <see cref="HealthRow"/> it shares: a routine write formats nothing else.
    /// </summary>
    private class RoutineRow
    {
        /// <summary>The routine write's rows: the key and the claimant first, then the columns a routine check changes.</summary>
        public static readonly JsonRowSet<RoutineRow> Written = new(
            RowSetColumn<RoutineRow>.Text("account_id", r => r.Account),
            RowSetColumn<RoutineRow>.Text(HolderField, r => r.Holder),
            RowSetColumn<RoutineRow>.Text("next_check_at", r => r.NextCheckAt),
            RowSetColumn<RoutineRow>.Text("last_check_at", r => r.LastCheckAt),
            RowSetColumn<RoutineRow>.Text("last_good_at", r => r.LastGoodAt),
            RowSetColumn<RoutineRow>.Number("checks_passed", r => r.ChecksPassed),
            RowSetColumn<RoutineRow>.Number("checks_failed", r => r.ChecksFailed),
            RowSetColumn<RoutineRow>.Number("last_latency_ms", r => r.LastLatencyMs),
            RowSetColumn<RoutineRow>.Text("updated_at", r => r.UpdatedAt));

        public string Account { get; set; } = "";
        public string NextCheckAt { get; set; } = "";
        public string? LastCheckAt { get; set; }
        public string? LastGoodAt { get; set; }
        public long ChecksPassed { get; set; }
        public long ChecksFailed { get; set; }
        public long? LastLatencyMs { get; set; }
        public string? UpdatedAt { get; set; }

        public string? Holder { get; set; }

        public static RoutineRow Of(TenantHealth h, DateTimeOffset now, string holder) => new RoutineRow().Fill(h, now, holder);

        protected RoutineRow Fill(TenantHealth h, DateTimeOffset now, string? holder)
        {
            Holder = holder;
            Account = h.Account.Value;
            NextCheckAt = StoredTime.Format(h.NextCheckAt);
            LastCheckAt = StoredTime.Format(h.LastCheckAt);
            LastGoodAt = StoredTime.Format(h.LastGoodAt);
            ChecksPassed = h.ChecksPassed;
            ChecksFailed = h.ChecksFailed;
            LastLatencyMs = h.LastLatency is { } latency ? (long)latency.TotalMilliseconds : null;
            UpdatedAt = StoredTime.Format(now);
            return this;
        }
    }

    /// <summary>The table's row shape for Dapper and for writes of many rows; conversions live here and nowhere else.</summary>
    private sealed class HealthRow : RoutineRow
    {
        /// <summary>Whole rows: what a routine write sets (the key and the claimant first), then every other column of the table.</summary>
        public static readonly JsonRowSet<HealthRow> Whole = new(
        [
            .. Written.Columns,
            RowSetColumn<HealthRow>.Text("state", r => r.State),
            RowSetColumn<HealthRow>.Text("state_since", r => r.StateSince),
            RowSetColumn<HealthRow>.Number("consecutive_failures", r => r.ConsecutiveFailures),
            RowSetColumn<HealthRow>.Text("failing_since", r => r.FailingSince),
            RowSetColumn<HealthRow>.Text("cause", r => r.Cause),
            RowSetColumn<HealthRow>.Text("said", r => r.Said),
            RowSetColumn<HealthRow>.Text("incident_id", r => r.IncidentId),
            RowSetColumn<HealthRow>.Text("last_alert_at", r => r.LastAlertAt),
            RowSetColumn<HealthRow>.Text("muted_until", r => r.MutedUntil),
            RowSetColumn<HealthRow>.Text("last_bundle_check_at", r => r.LastBundleCheckAt),
            RowSetColumn<HealthRow>.Number("expiry_warned_days", r => r.ExpiryWarnedDays),
            RowSetColumn<HealthRow>.Text("expiry_warned_certificate_id", r => r.ExpiryWarnedCertificateId),
            RowSetColumn<HealthRow>.Text("last_renewal_attempt_at", r => r.LastRenewalAttemptAt),
        ]);

        public string State { get; set; } = "";
        public string StateSince { get; set; } = "";
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

        public static HealthRow From(TenantHealth h, DateTimeOffset now, string? holder = null)
        {
            var row = new HealthRow
            {
                State = h.State.ToString(),
                StateSince = StoredTime.Format(h.StateSince),
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
            };
            row.Fill(h, now, holder);
            return row;
        }

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
                ChecksPassed = ChecksPassed,
                ChecksFailed = ChecksFailed,
                LastLatency = LastLatencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            };
    }
}
