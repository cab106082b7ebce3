namespace Onboarding.Engine.Operations;

/// <summary>
/// One table's retention: the statements that remove what is older than the cutoff (parameter <c>@cutoff</c>, an ISO 8601
/// UTC text like every stored time), and which <see cref="RetentionOptions"/> setting gives the period.
/// </summary>
/// <param name="Table">The table pruned, for the log and the docs.</param>
/// <param name="Keep">The period, from the settings.</param>
/// <param name="Statements">Run in order in one transaction; the last one's row count is reported.</param>
public sealed record RetentionRule(string Table, Func<RetentionOptions, TimeSpan> Keep, IReadOnlyList<string> Statements);

/// <summary>Retention rules contributed by a module for its own tables (as <see cref="Storage.IMigrationSource"/> contributes its schema).</summary>
public interface IRetentionRuleSource
{
    IEnumerable<RetentionRule> Rules { get; }
}
