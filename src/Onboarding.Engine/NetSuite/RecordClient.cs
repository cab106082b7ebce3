using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>The REST record API (docs/netsuite.md §1): create (id from the <c>Location</c> header) and read.</summary>
internal sealed class RecordClient(NetSuiteCall call, NetSuiteEndpoints endpoints) : IRecordClient
{
    public Task<NetSuiteResult<string>> CreateAsync(AccountId account, BearerToken accessToken, string recordType, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        return call.SendAsync(
            "record create",
            account,
            NetSuiteHttpClients.NonIdempotent,
            new HttpRequestMessage(HttpMethod.Post, endpoints.Record(account, recordType)) { Content = NetSuiteJson.Content(body) },
            accessToken,
            (response, _) => Task.FromResult(IdFromLocation(response)),
            cancellationToken);
    }

    public Task<NetSuiteResult<JsonElement>> GetAsync(AccountId account, BearerToken accessToken, string recordType, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return call.SendAsync(
            "record read",
            account,
            NetSuiteHttpClients.Idempotent,
            new HttpRequestMessage(HttpMethod.Get, endpoints.Record(account, recordType, id)),
            accessToken,
            NetSuiteJson.ReadElementAsync,
            cancellationToken);
    }

    private static string IdFromLocation(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new FormatException("NetSuite created the record but sent no Location header.");
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        var id = path.TrimEnd('/').Split('/')[^1];
        return id.Length > 0 ? Uri.UnescapeDataString(id) : throw new FormatException("The Location header carries no record id.");
    }
}
