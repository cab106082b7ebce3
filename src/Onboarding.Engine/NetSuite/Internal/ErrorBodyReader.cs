using System.Text.Json;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>
/// Reads NetSuite's error bodies: the REST envelope (<c>o:errorDetails</c>, docs/netsuite.md §5.4), the RESTlet
/// <c>{"error":{"code","message"}}</c> (docs/netsuite.md §6.3) and the OAuth <c>{"error":"…"}</c> (docs/netsuite.md §2.7).
/// </summary>
internal static class ErrorBodyReader
{
    public static async Task<NetSuiteError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var (code, detail) = Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return HttpStatusTranslator.Translate(status, code, detail);
    }

    /// <summary>NetSuite's code and detail from an error body, whichever of its three shapes it has, cleaned (<see cref="NetSuiteText"/>).</summary>
    public static (string? Code, string? Detail) Parse(string body)
    {
        var (code, detail) = Read(body);
        return (NetSuiteText.Clean(code, NetSuiteText.MaxCodeLength), NetSuiteText.Clean(detail, NetSuiteText.MaxMessageLength));
    }

    private static (string? Code, string? Detail) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (root.TryGetProperty(ErrorDetails, out var details) && details.ValueKind == JsonValueKind.Array && details.GetArrayLength() > 0)
            {
                var first = details[0];
                return (StringOrNull(first, ErrorCode) ?? StringOrNull(root, ErrorCode), StringOrNull(first, Detail));
            }

            if (root.TryGetProperty(Error, out var error))
            {
                return error.ValueKind switch
                {
                    JsonValueKind.Object => (StringOrNull(error, Code), StringOrNull(error, Message)),
                    JsonValueKind.String => (error.GetString(), StringOrNull(root, WireNames.Token.ErrorDescription)),
                    _ => (null, null),
                };
            }

            return (StringOrNull(root, ErrorCode), StringOrNull(root, Title));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
