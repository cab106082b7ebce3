using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Storage;

/// <summary>Recorded check results (time, kind, outcome, latency, cause), kept for a retention period.</summary>
public sealed class HealthCheckLog(Database database)
{
    public Task RecordAsync(CheckResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO health_checks (account_id, kind, at, latency_ms, outcome, cause, said)
            VALUES (@account, @kind, @at, @latency, @outcome, @cause, @said)
            """,
            new
            {
                account = result.Account.Value,
                kind = result.Kind.ToString(),
                at = StoredTime.Format(result.At),
                latency = (long)result.Latency.TotalMilliseconds,
                outcome = result.Succeeded ? "passed" : "failed",
                cause = result.Cause?.ToString(),
                said = result.Said,
            },
            cancellationToken), cancellationToken);
    }

    /// <summary>Deletes results recorded before <paramref name="cutoff"/>; returns how many went.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "DELETE FROM health_checks WHERE at < @cutoff", new { cutoff = StoredTime.Format(cutoff) }, cancellationToken), cancellationToken);

    /// <summary>An account's most recent results, newest first.</summary>
    public async Task<IReadOnlyList<CheckResult>> RecentAsync(AccountId account, int count, CancellationToken cancellationToken)
    {
        var rows = await StorageTransaction.ReadAsync(database, read => read.QueryAsync<ResultRow>(
            "SELECT kind AS Kind, at AS At, latency_ms AS LatencyMs, cause AS Cause, said AS Said FROM health_checks WHERE account_id = @account ORDER BY id DESC LIMIT @count",
            new { account = account.Value, count },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new CheckResult(
            account,
            Enum.Parse<CheckKind>(r.Kind),
            StoredTime.Parse(r.At),
            TimeSpan.FromMilliseconds(r.LatencyMs),
            r.Cause is null ? null : Enum.Parse<FailureCause>(r.Cause),
            r.Said))];
    }

    private sealed class ResultRow
    {
        public string Kind { get; set; } = "";
        public string At { get; set; } = "";
        public long LatencyMs { get; set; }
        public string? Cause { get; set; }
        public string? Said { get; set; }
    }
}
