using System.Text.Json.Nodes;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>Builds Block Kit JSON objects; callers pass text already made inert (<see cref="SlackText"/>) and within limits.</summary>
internal static class BlockKit
{
    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(text) };

    public static JsonObject Context(string plainText) => new() { ["type"] = "context", ["elements"] = new JsonArray(PlainText(plainText)) };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(IEnumerable<JsonObject> buttons) =>
        new() { ["type"] = "actions", ["elements"] = new JsonArray([.. buttons.Cast<JsonNode>()]) };

    public static JsonObject Button(string text, string actionId) =>
        new() { ["type"] = "button", ["text"] = PlainText(text), ["action_id"] = actionId };

    public static JsonObject Confirm(string title, string text, string confirm, string deny) => new()
    {
        ["title"] = PlainText(title),
        ["text"] = PlainText(text),
        ["confirm"] = PlainText(confirm),
        ["deny"] = PlainText(deny),
        ["style"] = "danger",
    };

    /// <summary>A rich text block: its elements are sections (lines) and lists (https://docs.slack.dev/reference/block-kit/blocks/rich-text-block).</summary>
    public static JsonObject RichText(IEnumerable<JsonObject> elements) =>
        new() { ["type"] = "rich_text", ["elements"] = new JsonArray([.. elements.Cast<JsonNode>()]) };

    public static JsonObject RichSection(IEnumerable<JsonObject> texts) =>
        new() { ["type"] = "rich_text_section", ["elements"] = new JsonArray([.. texts.Cast<JsonNode>()]) };

    /// <summary>A bulleted list, one section per item; <paramref name="indent"/> 0 is the first level.</summary>
    public static JsonObject RichList(IEnumerable<JsonObject> items, int indent) => new()
    {
        ["type"] = "rich_text_list",
        ["style"] = "bullet",
        ["indent"] = indent,
        ["elements"] = new JsonArray([.. items.Cast<JsonNode>()]),
    };

    /// <summary>A run of literal text (rich text shows it as it is: no mrkdwn, no links).</summary>
    public static JsonObject Text(string text, bool bold = false, bool italic = false)
    {
        var run = new JsonObject { ["type"] = "text", ["text"] = text };
        if (bold || italic)
        {
            var style = new JsonObject();
            if (bold)
            {
                style["bold"] = true;
            }

            if (italic)
            {
                style["italic"] = true;
            }

            run["style"] = style;
        }

        return run;
    }
}
