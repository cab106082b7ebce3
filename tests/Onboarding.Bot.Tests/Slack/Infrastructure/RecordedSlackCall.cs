using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>One Web API call the bot made to <see cref="FakeSlackWebApi"/>: the method, the bearer token, and the body.</summary>
public sealed record RecordedSlackCall(string Method, string? BearerToken, JsonObject? Json, IReadOnlyDictionary<string, StringValues> Form)
{
    /// <summary>The <c>ts</c> the fake answered with: the new message's for chat.postMessage, the edited one's for chat.update.</summary>
    public string? AnsweredTs { get; init; }

    /// <summary>The Cookie header the call carried; empty when none.</summary>
    public string Cookie { get; init; } = "";

    /// <summary>The <c>blocks</c> sent with chat.postMessage / chat.update.</summary>
    public JsonArray Blocks => Json?["blocks"] as JsonArray ?? [];

    public string? Channel => (string?)Json?["channel"];

    public string? Text => (string?)Json?["text"];

    public string? Ts => (string?)Json?["ts"];

    public string? ThreadTs => (string?)Json?["thread_ts"];

    /// <summary>Every text string anywhere in the blocks, for "the card says X" assertions.</summary>
    public IReadOnlyList<string> BlockTexts => [.. Descendants(Blocks).OfType<JsonValue>().Select(v => v.ToString())];

    /// <summary>The header block's text.</summary>
    public string? Header => Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "header").Select(b => (string?)b["text"]?["text"]).FirstOrDefault();

    /// <summary>Every button on the card, in order.</summary>
    public IReadOnlyList<JsonObject> Buttons =>
        [.. Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())];

    /// <summary>The button labelled <paramref name="label"/>; fails the test when the card has none.</summary>
    public JsonObject Button(string label) =>
        Buttons.SingleOrDefault(b => (string?)b["text"]?["text"] == label)
        ?? throw new Xunit.Sdk.XunitException($"No button '{label}' on the card; it has: {string.Join(", ", Buttons.Select(b => (string?)b["text"]?["text"]))}.");

    /// <summary>The address of the URL button labelled <paramref name="label"/>.</summary>
    public Uri Link(string label) => new((string?)Button(label)["url"] ?? throw new Xunit.Sdk.XunitException($"Button '{label}' opens no URL."));

    public bool HasButton(string label) => Buttons.Any(b => (string?)b["text"]?["text"] == label);

    /// <summary>True when any text on the message (blocks or fallback) contains <paramref name="text"/>.</summary>
    public bool Shows(string text) =>
        Text?.Contains(text, StringComparison.Ordinal) == true || BlockTexts.Any(t => t.Contains(text, StringComparison.Ordinal));

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
            case JsonValue value:
                yield return value;
                break;
        }
    }
}
