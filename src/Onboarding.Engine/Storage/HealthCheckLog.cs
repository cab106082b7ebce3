using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage.Dialects;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Recorded check results (time, kind, outcome, latency, cause), kept for a retention period. What is worth reading later
/// is kept: a tenant's first checks, every failure, and the checks of a tenant not yet healthy again, which show its
/// recovery. The routine passes in between — nearly all of them, thousands every few minutes — are only counted, in the
/// tenant's health (<see cref="TenantHealth.ChecksPassed"/>).
/// </summary>
public sealed class HealthCheckLog(Database database)
{
    // The columns a result is recorded in, in the order the insert reads them.
    private static readonly JsonRowSet<CheckResult> Recorded = new(
        RowSetColumn<CheckResult>.Text("account_id", r => r.Account.Value),
        RowSetColumn<CheckResult>.Text("kind", r => r.Kind.ToString()),
        RowSetColumn<CheckResult>.Text("at", r => StoredTime.Format(r.At)),
        RowSetColumn<CheckResult>.Number("latency_ms", r => (long)r.Latency.TotalMilliseconds),
        RowSetColumn<CheckResult>.Text("outcome", r => r.Succeeded ? "passed" : "failed"),
        RowSetColumn<CheckResult>.Text("cause", r => r.Cause?.ToString()),
        RowSetColumn<CheckResult>.Text("said", r => r.Said));

    /// <summary>Whether a tenant's round of checks is kept, given its health before them (see the class summary).</summary>
    public static bool Keeps(TenantHealth before, IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(results);
        return before.LastCheckAt is null || before.State != HealthState.Healthy || results.Any(r => !r.Succeeded);
    }

    public Task RecordAsync(CheckResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => RecordAsync(write, [result], cancellationToken), cancellationToken);
    }

    /// <summary>Records many results in the caller's transaction (the monitor writes a batch of checks at once).</summary>
    public static Task<int> RecordAsync(StorageTransaction transaction, IEnumerable<CheckResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(results);
        var columns = string.Join(", ", Recorded.Names);
        return Recorded.ExecuteAsync(
            transaction,
            $"INSERT INTO health_checks ({columns}) SELECT {columns} FROM ({Recorded.Select(transaction.Dialect, "rows")}) AS r ORDER BY r.{JsonRowSet<CheckResult>.Ordinal}",
            results,
            cancellationToken);
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
