using System.Text;
using System.Text.Json.Nodes;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>What every card must satisfy to render everywhere in Teams: schema 1.5 and at most 28 KB of JSON.</summary>
public static class CardBudget
{
    public const int MaxBytes = 28 * 1024;

    public static void AssertWithin(JsonObject card)
    {
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());
        Assert.True(size <= MaxBytes, $"card is {size} bytes");
    }
}
