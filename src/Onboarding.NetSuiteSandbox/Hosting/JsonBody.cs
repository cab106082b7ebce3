using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>Reads a request body as a JSON object; anything else is null so the endpoint answers NetSuite's 400.</summary>
internal static class JsonBody
{
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
