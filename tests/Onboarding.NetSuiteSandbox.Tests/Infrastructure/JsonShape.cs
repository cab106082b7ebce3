using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.NetSuiteSandbox.Tests.Infrastructure;

/// <summary>Compares two JSON documents by shape: the same property names at every level and the same value kinds.</summary>
internal static class JsonShape
{
    public static void AssertSameShape(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var expectedKind = Kind(expected);
        Assert.True(expectedKind == Kind(actual), $"{path}: expected {expectedKind}, got {Kind(actual)}");
        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            Assert.Equal(expectedObject.Select(p => p.Key).Order(), actualObject.Select(p => p.Key).Order());
            foreach (var (name, value) in expectedObject)
            {
                AssertSameShape(value, actualObject[name], $"{path}.{name}");
            }
        }
    }

    private static JsonValueKind Kind(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValueKind.True,
        _ => node.GetValueKind(),
    };
}
