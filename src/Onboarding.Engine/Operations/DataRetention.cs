using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Operations;

/// <summary>
/// Applies every <see cref="RetentionRule"/>: each rule in its own short write transaction, so pruning never holds the
/// writer for long. The host runs <see cref="PruneAsync"/> on a timer (<c>Retention:Interval</c>).
/// </summary>
public sealed class DataRetention(
    Database database,
    IEnumerable<IRetentionRuleSource> sources,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<DataRetention> logger)
{
    /// <summary>Every rule, from every module.</summary>
    public IReadOnlyList<RetentionRule> Rules { get; } = [.. sources.SelectMany(s => s.Rules)];

    /// <summary>Removes what has outlived its period; returns the rows removed (or rewritten) per rule.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PruneAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            var cutoff = now - rule.Keep(settings);
            var count = 0;
            await StorageTransaction.WriteAsync(database, async write =>
            {
                foreach (var statement in rule.Statements)
                {
                    count = await write.ExecuteAsync(statement, new { cutoff = StoredTime.Format(cutoff) }, cancellationToken).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
            removed[rule.Table] = count;
            if (count > 0)
            {
                RetentionPruned(logger, rule.Table, count, cutoff);
            }
        }

        return removed;
    }
}
