namespace Onboarding.Engine.NetSuite;

/// <summary>SuiteQL over REST (<c>Prefer: transient</c>, bound parameters, limit/offset paging).</summary>
public interface ISuiteQlClient
{
    /// <summary>Runs one page of a query. <paramref name="offset"/> must be a multiple of <paramref name="limit"/> (1–1000).</summary>
    Task<NetSuiteResult<SuiteQlPage>> QueryAsync(
        AccountId account,
        BearerToken accessToken,
        string query,
        IReadOnlyList<string>? parameters,
        CancellationToken cancellationToken,
        int limit = 1000,
        int offset = 0);
}

/// <summary>One page of SuiteQL rows; values are strings as NetSuite sends them, keys lower case, NULL columns absent.</summary>
public sealed record SuiteQlPage(IReadOnlyList<IReadOnlyDictionary<string, string>> Items, int Count, int Offset, int TotalResults, bool HasMore);
