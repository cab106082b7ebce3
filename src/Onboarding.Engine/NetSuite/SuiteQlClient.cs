using Onboarding.Engine.NetSuite.Internal;
using Onboarding.Engine.NetSuite.Internal.Wire;

namespace Onboarding.Engine.NetSuite;

/// <summary>SuiteQL over REST (docs/netsuite.md §5): <c>Prefer: transient</c>, bound parameters, limit/offset paging.</summary>
internal sealed class SuiteQlClient(NetSuiteCall call, NetSuiteEndpoints endpoints) : ISuiteQlClient
{
    private const int MaxLimit = 1000;

    public Task<NetSuiteResult<SuiteQlPage>> QueryAsync(
        AccountId account,
        BearerToken accessToken,
        string query,
        IReadOnlyList<string>? parameters,
        CancellationToken cancellationToken,
        int limit = MaxLimit,
        int offset = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset % limit != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"NetSuite requires the offset to be a multiple of the limit ({limit}).");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, endpoints.SuiteQl(account, limit, offset))
        {
            Content = NetSuiteJson.Content(new SuiteQlRequest(query, parameters is { Count: > 0 } ? parameters : null)),
        };
        request.Headers.Add(WireNames.Headers.Prefer, WireNames.Headers.PreferTransient);

        return call.SendAsync(
            "SuiteQL query",
            account,
            NetSuiteHttpClients.Idempotent,
            request,
            accessToken,
            async (response, ct) => (await NetSuiteJson.ReadAsync<SuiteQlResponse>(response, ct).ConfigureAwait(false)).ToPage(),
            cancellationToken);
    }
}
