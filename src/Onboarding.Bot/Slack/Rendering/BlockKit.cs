using System.Text.Json.Nodes;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>Builds Block Kit JSON objects; callers pass text that is already escaped and within limits.</summary>
internal static class BlockKit
{
    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    public static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(text) };

    public static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    public static JsonObject Fields(IEnumerable<string> mrkdwnFields) =>
        new() { ["type"] = "section", ["fields"] = new JsonArray([.. mrkdwnFields.Select(f => (JsonNode)Mrkdwn(f))]) };

    public static JsonObject Context(string mrkdwn) => new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(mrkdwn)) };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(IEnumerable<JsonObject> buttons) =>
        new() { ["type"] = "actions", ["elements"] = new JsonArray([.. buttons.Cast<JsonNode>()]) };

    public static JsonObject Button(string text, string actionId) =>
        new() { ["type"] = "button", ["text"] = PlainText(text), ["action_id"] = actionId };

    public static JsonObject Confirm(string title, string mrkdwn, string confirm, string deny) => new()
    {
        ["title"] = PlainText(title),
        ["text"] = Mrkdwn(mrkdwn),
        ["confirm"] = PlainText(confirm),
        ["deny"] = PlainText(deny),
        ["style"] = "danger",
    };
}
