using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Names = Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal.Wire;

/// <summary>
/// A SuiteQL result page (docs/netsuite.md §5.3): the items (each read by <see cref="SuiteQlRow"/>) and the paging
/// numbers; <c>links</c> and anything else is skipped. The numbers may come as JSON numbers or numeric strings.
/// </summary>
[JsonConverter(typeof(Reader))]
internal sealed record SuiteQlResponse(IReadOnlyList<SuiteQlRow> Items, int Count, int Offset, int TotalResults, bool HasMore)
{
    public SuiteQlPage ToPage() => new([.. Items.Select(item => item.Columns)], Count, Offset, TotalResults, HasMore);

    // Read from the tokens as they come: every health check's probe answer is one of these, and the serializer's general
    // object reading keeps a stack of frames per document (about a kilobyte and a half) to get through it.
    private sealed class Reader : JsonConverter<SuiteQlResponse>
    {
        public override SuiteQlResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Expect(reader, JsonTokenType.StartObject, "A SuiteQL page");
            List<SuiteQlRow>? items = null;
            int count = 0, offset = 0, totalResults = 0;
            var hasMore = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case Names.Items:
                        Expect(reader, JsonTokenType.StartArray, "A SuiteQL page's items");
                        items = [];
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            items.Add(SuiteQlRow.Read(ref reader));
                        }

                        break;
                    case Names.Count: count = Number(ref reader); break;
                    case Names.Offset: offset = Number(ref reader); break;
                    case Names.TotalResults: totalResults = Number(ref reader); break;
                    case Names.HasMore: hasMore = reader.TokenType == JsonTokenType.True || (reader.TokenType == JsonTokenType.String && bool.Parse(reader.GetString()!)); break;
                    default: reader.Skip(); break;
                }
            }

            return new SuiteQlResponse(items ?? throw new JsonException("A SuiteQL page has no items."), count, offset, totalResults, hasMore);
        }

        public override void Write(Utf8JsonWriter writer, SuiteQlResponse value, JsonSerializerOptions options) =>
            throw new NotSupportedException("SuiteQL pages are only read.");

        private static int Number(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
            ? int.Parse(reader.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)
            : reader.GetInt32();

        private static void Expect(Utf8JsonReader reader, JsonTokenType token, string what)
        {
            if (reader.TokenType != token)
            {
                throw new JsonException($"{what} is {reader.TokenType} where {token} belongs.");
            }
        }
    }
}
