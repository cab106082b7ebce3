using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>Calls a deployed RESTlet on the account's RESTlet host with a bearer token (docs/netsuite.md §1, §6).</summary>
internal sealed class RestletClient(NetSuiteCall call, NetSuiteEndpoints endpoints) : IRestletClient
{
    public Task<NetSuiteResult<JsonElement>> GetAsync(AccountId account, BearerToken accessToken, RestletId restlet, IReadOnlyDictionary<string, string>? query, CancellationToken cancellationToken) =>
        SendAsync(account, accessToken, NetSuiteHttpClients.Idempotent, new HttpRequestMessage(HttpMethod.Get, endpoints.Restlet(account, restlet, query)), cancellationToken);

    /// <summary>POSTs JSON; a script may act on it, so only a 429 is retried.</summary>
    public Task<NetSuiteResult<JsonElement>> PostAsync(AccountId account, BearerToken accessToken, RestletId restlet, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(
            account,
            accessToken,
            NetSuiteHttpClients.NonIdempotent,
            new HttpRequestMessage(HttpMethod.Post, endpoints.Restlet(account, restlet)) { Content = NetSuiteJson.Content(body) },
            cancellationToken);

    private async Task<NetSuiteResult<JsonElement>> SendAsync(AccountId account, BearerToken accessToken, string clientName, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var result = await call.SendAsync("RESTlet call", account, clientName, request, accessToken, NetSuiteJson.ReadElementAsync, cancellationToken).ConfigureAwait(false);

        // A script may also answer 200 with NetSuite's {"error":{"code","message"}} shape; that is a failure too.
        if (result.IsSuccess && RestletErrorBody.TryRead(result.Value, out var code, out var message))
        {
            return HttpStatusTranslator.Translate(200, code, message);
        }

        return result;
    }
}
