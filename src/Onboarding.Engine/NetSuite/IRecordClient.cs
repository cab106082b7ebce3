using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.Engine.NetSuite;

/// <summary>The REST record API (<c>/services/rest/record/v1</c>) for the records post-install routines seed.</summary>
public interface IRecordClient
{
    /// <summary>Creates a record and returns its internal id (from the <c>Location</c> header).</summary>
    Task<NetSuiteResult<string>> CreateAsync(AccountId account, BearerToken accessToken, string recordType, JsonObject body, CancellationToken cancellationToken);

    Task<NetSuiteResult<JsonElement>> GetAsync(AccountId account, BearerToken accessToken, string recordType, string id, CancellationToken cancellationToken);
}
