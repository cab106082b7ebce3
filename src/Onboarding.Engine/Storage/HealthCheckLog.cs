using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using static Onboarding.Engine.Storage.HealthTimestamps;

namespace Onboarding.Engine.Storage;

/// <summary>Recorded check results (time, kind, outcome, latency, cause), kept for a retention period.</summary>
public sealed class HealthCheckLog(SqliteDatabase database)
{
    public async Task RecordAsync(CheckResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO health_checks (account_id, kind, at, latency_ms, outcome, cause, said)
            VALUES ($account, $kind, $at, $latency, $outcome, $cause, $said)
            """;
        command.Parameters.AddWithValue("$account", result.Account.Value);
        command.Parameters.AddWithValue("$kind", result.Kind.ToString());
        command.Parameters.AddWithValue("$at", Format(result.At));
        command.Parameters.AddWithValue("$latency", (long)result.Latency.TotalMilliseconds);
        command.Parameters.AddWithValue("$outcome", result.Succeeded ? "passed" : "failed");
        command.Parameters.AddWithValue("$cause", (object?)result.Cause?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$said", (object?)result.Said ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes results recorded before <paramref name="cutoff"/>; returns how many went.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM health_checks WHERE at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", Format(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An account's most recent results, newest first.</summary>
    public async Task<IReadOnlyList<CheckResult>> RecentAsync(AccountId account, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, at, latency_ms, cause, said FROM health_checks WHERE account_id = $account ORDER BY id DESC LIMIT $count";
        command.Parameters.AddWithValue("$account", account.Value);
        command.Parameters.AddWithValue("$count", count);
        var results = new List<CheckResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(new CheckResult(
                account,
                Enum.Parse<CheckKind>(reader.GetString(0)),
                Parse(reader.GetValue(1))!.Value,
                TimeSpan.FromMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : Enum.Parse<FailureCause>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return results;
    }
}
