using System.Buffers;
using System.Text;
using System.Text.Json;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal.Wire;

/// <summary>
/// One item of a SuiteQL result page (docs/netsuite.md §5.3), read straight into column → text: <c>links</c> and NULL
/// columns (which NetSuite leaves out or sends as null) are dropped; NetSuite sends every value as a string, and anything
/// else is kept as its JSON text rather than dropped. Column names are case-insensitive, as SuiteQL's are. Read from the
/// JSON tokens as they come: reading each value as its own JsonElement parses it into a document of its own.
/// </summary>
internal readonly record struct SuiteQlRow(IReadOnlyDictionary<string, string> Columns)
{
    /// <summary>Reads the item the reader is on (its start), leaving the reader on its end.</summary>
    public static SuiteQlRow Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A SuiteQL item is a JSON object, not {reader.TokenType}.");
        }

        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var column = reader.GetString()!;
            reader.Read();
            if (column == Links || reader.TokenType == JsonTokenType.Null)
            {
                reader.Skip();
                continue;
            }

            columns[column] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.StartObject or JsonTokenType.StartArray => JsonElement.ParseValue(ref reader).GetRawText(),
                _ => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            };
        }

        return new SuiteQlRow(columns);
    }
}
