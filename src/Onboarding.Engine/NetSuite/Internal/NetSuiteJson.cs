using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>JSON settings for NetSuite's wire records: names come from attributes; ids may arrive as numbers or numeric strings.</summary>
internal static class NetSuiteJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(Options, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("NetSuite answered with an empty JSON document.");

    /// <summary>A JSON document of any shape, detached from its buffer.</summary>
    public static async Task<JsonElement> ReadElementAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.Clone();
    }

    public static JsonContent Content<T>(T value) => JsonContent.Create(value, options: Options);
}
