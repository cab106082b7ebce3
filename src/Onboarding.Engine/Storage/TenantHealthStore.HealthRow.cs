using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Storage;

// The tenant_health row as Dapper reads and writes it.
public sealed partial class TenantHealthStore
{
    /// <summary>
    /// What a routine check writes (<see cref="RoutineColumnNames"/>, plus the key and the claimant), and the part of
    /// <see cref="HealthRow"/> it shares: a routine write formats nothing else.
    /// </summary>
    private class RoutineRow
    {
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

    /// <summary>The table's row shape for Dapper; conversions live here and nowhere else.</summary>
    private sealed class HealthRow : RoutineRow
    {
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
