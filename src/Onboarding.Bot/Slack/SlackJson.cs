using System.Text.Json;

namespace Onboarding.Bot.Slack;

/// <summary>Slack's wire names are snake_case; every Slack payload and Web API body goes through these options.</summary>
internal static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
