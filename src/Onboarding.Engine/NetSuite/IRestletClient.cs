using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.Engine.NetSuite;

/// <summary>Calls a deployed RESTlet with a bearer token, JSON in and out.</summary>
public interface IRestletClient
{
    Task<NetSuiteResult<JsonElement>> GetAsync(AccountId account, BearerToken accessToken, RestletId restlet, IReadOnlyDictionary<string, string>? query, CancellationToken cancellationToken);

    Task<NetSuiteResult<JsonElement>> PostAsync(AccountId account, BearerToken accessToken, RestletId restlet, JsonNode body, CancellationToken cancellationToken);
}

/// <summary>A RESTlet's script and deployment, by script id (<c>customscript_…</c>) or internal id.</summary>
public sealed record RestletId(string Script, string Deployment);
