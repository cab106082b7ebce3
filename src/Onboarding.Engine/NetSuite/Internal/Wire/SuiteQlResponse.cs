using System.Text.Json;
using System.Text.Json.Serialization;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal.Wire;

/// <summary>A SuiteQL result page (docs/netsuite.md §5.3): items carry <c>links</c> plus one string per non-NULL column.</summary>
internal sealed record SuiteQlResponse(
    [property: JsonPropertyName(Items)] IReadOnlyList<Dictionary<string, JsonElement>> Items,
    [property: JsonPropertyName(Count)] int Count,
    [property: JsonPropertyName(Offset)] int Offset,
    [property: JsonPropertyName(TotalResults)] int TotalResults,
    [property: JsonPropertyName(HasMore)] bool HasMore)
{
    public SuiteQlPage ToPage() => new(Items.Select(ToRow).ToList(), Count, Offset, TotalResults, HasMore);

    private static IReadOnlyDictionary<string, string> ToRow(Dictionary<string, JsonElement> item)
    {
        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, value) in item)
        {
            if (column == Links || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            // NetSuite sends strings; anything else is kept as its JSON text rather than dropped.
            row[column] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }

        return row;
    }
}
