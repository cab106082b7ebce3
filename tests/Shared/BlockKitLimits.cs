using System.Text.Json.Nodes;

namespace Onboarding.Tests.Shared;

/// <summary>
/// Block Kit's documented limits for a message, checked on the JSON the bot would send: https://docs.slack.dev/reference/block-kit/blocks
/// and the pages of each block, element and composition object (header, section, context, actions, rich_text, button,
/// confirmation dialog), plus chat.postMessage's text. Compiled into the test projects that render for Slack.
/// </summary>
internal static class BlockKitLimits
{
    /// <summary>The checks, as messages: empty when the message keeps every limit.</summary>
    public static IReadOnlyList<string> Violations(string text, JsonArray blocks)
    {
        var problems = new List<string>();
        void Max(string what, int? length, int limit)
        {
            if (length > limit)
            {
                problems.Add($"{what} is {length} characters; Slack allows {limit}");
            }
        }

        Max("the message text", text.Length, 40_000);
        if (blocks.Count > 50)
        {
            problems.Add($"{blocks.Count} blocks; a message may have 50");
        }

        foreach (var block in blocks.OfType<JsonObject>())
        {
            var type = (string?)block["type"];
            Max($"{type} block_id", ((string?)block["block_id"])?.Length, 255);
            switch (type)
            {
                case "header":
                    if ((string?)block["text"]?["type"] != "plain_text")
                    {
                        problems.Add("a header's text must be plain_text");
                    }

                    Max("a header", ((string?)block["text"]?["text"])?.Length, 150);
                    break;
                case "section":
                    Max("a section's text", ((string?)block["text"]?["text"])?.Length, 3000);
                    var fields = block["fields"]?.AsArray() ?? [];
                    if (fields.Count > 10)
                    {
                        problems.Add($"a section with {fields.Count} fields; Slack allows 10");
                    }

                    foreach (var field in fields)
                    {
                        Max("a field", ((string?)field?["text"])?.Length, 2000);
                    }

                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    if (elements.Count is 0 or > 10)
                    {
                        problems.Add($"a context with {elements.Count} elements; Slack allows 1 to 10");
                    }

                    foreach (var element in elements)
                    {
                        Max("a context text", ((string?)element?["text"])?.Length, 3000);
                    }

                    break;
                case "actions":
                    var buttons = block["elements"]!.AsArray();
                    if (buttons.Count is 0 or > 25)
                    {
                        problems.Add($"an actions block with {buttons.Count} elements; Slack allows 1 to 25");
                    }

                    foreach (var button in buttons.OfType<JsonObject>())
                    {
                        Max("a button's text", ((string?)button["text"]?["text"])?.Length, 75);
                        Max("an action_id", ((string?)button["action_id"])?.Length, 255);
                        Max("a button's value", ((string?)button["value"])?.Length, 2000);
                        Max("a button's url", ((string?)button["url"])?.Length, 3000);
                        if (button["confirm"] is JsonObject confirm)
                        {
                            Max("a confirmation's title", ((string?)confirm["title"]?["text"])?.Length, 100);
                            Max("a confirmation's text", ((string?)confirm["text"]?["text"])?.Length, 300);
                            Max("a confirmation's confirm", ((string?)confirm["confirm"]?["text"])?.Length, 30);
                            Max("a confirmation's deny", ((string?)confirm["deny"]?["text"])?.Length, 30);
                        }
                    }

                    break;
                case "rich_text":
                    // Slack documents no length for rich text; the renderer keeps each block within a section's 3000.
                    Max("a rich text block", RichTextLength(block), 3000);
                    break;
                case "divider":
                    break;
                default:
                    problems.Add($"unexpected block type {type}");
                    break;
            }
        }

        return problems;
    }

    /// <summary>Every text object in the blocks whose type is mrkdwn (outside text must never be one).</summary>
    public static IEnumerable<JsonObject> MrkdwnObjects(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "mrkdwn" => [o],
        JsonObject o => o.SelectMany(p => MrkdwnObjects(p.Value)),
        JsonArray a => a.SelectMany(MrkdwnObjects),
        _ => [],
    };

    private static int RichTextLength(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "text" => ((string?)o["text"])?.Length ?? 0,
        JsonObject o => o.Sum(p => RichTextLength(p.Value)),
        JsonArray a => a.Sum(RichTextLength),
        _ => 0,
    };
}
