using System.Text.Json.Nodes;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>Slack request bodies shaped like the examples in Slack's docs (https://api.slack.com/interactivity/handling, https://api.slack.com/interactivity/slash-commands).</summary>
public static class SlackPayloads
{
    public const string TeamId = "T0TEAM";
    public const string ChannelId = "C0CHANNEL";
    public const string DirectChannelId = "D0DIRECT";
    public const string UserId = "U0PERSON";
    public const string BotUserId = "U0BOT";

    public static JsonObject UrlVerification(string challenge) => new()
    {
        ["token"] = "legacy-token",
        ["challenge"] = challenge,
        ["type"] = "url_verification",
    };

    public static JsonObject AppMention(string text, string eventId, string channel = ChannelId, string ts = "1700000100.000100", string? threadTs = null) =>
        Envelope(eventId, Event("app_mention", $"<@{BotUserId}> {text}", channel, ts, threadTs));

    public static JsonObject DirectMessage(string text, string eventId, string ts = "1700000100.000200") =>
        Envelope(eventId, Event("message", text, DirectChannelId, ts, null, channelType: "im"));

    /// <summary>An <c>event_callback</c> around <paramref name="inner"/>.</summary>
    public static JsonObject Envelope(string eventId, JsonObject inner) => new()
    {
        ["token"] = "legacy-token",
        ["team_id"] = TeamId,
        ["api_app_id"] = "A0APP",
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000100,
    };

    public static JsonObject Event(string type, string text, string channel, string ts, string? threadTs, string? channelType = null)
    {
        var inner = new JsonObject
        {
            ["type"] = type,
            ["user"] = UserId,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            inner["thread_ts"] = threadTs;
        }

        if (channelType is not null)
        {
            inner["channel_type"] = channelType;
        }

        return inner;
    }

    /// <summary>A <c>block_actions</c> payload for a click on a button with <paramref name="value"/> (null for a URL button).</summary>
    public static JsonObject BlockActions(string actionId, string? value, string actionTs = "1700000200.000001", string messageTs = "1700000000.000001", string? url = null)
    {
        var action = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = "b1",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Click" },
            ["action_ts"] = actionTs,
        };
        if (value is not null)
        {
            action["value"] = value;
        }

        if (url is not null)
        {
            action["url"] = url;
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = UserId, ["username"] = "pat", ["name"] = "pat", ["team_id"] = TeamId },
            ["api_app_id"] = "A0APP",
            ["token"] = "legacy-token",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = ChannelId, ["is_ephemeral"] = false },
            ["trigger_id"] = "trigger-x",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "example" },
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "onboarding" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "card" },
            ["response_url"] = "https://hooks.slack.example/actions/1",
            ["actions"] = new JsonArray(action),
        };
    }

    /// <summary>The <c>block_actions</c> Slack sends when someone clicks <paramref name="button"/> on the message at <paramref name="messageTs"/>.</summary>
    public static JsonObject Click(JsonObject button, string messageTs, string actionTs) =>
        BlockActions((string)button["action_id"]!, (string?)button["value"], actionTs, messageTs, (string?)button["url"]);

    public static string SlashCommandForm(string text, string channelId = ChannelId, string triggerId = "trigger-1") => SlackRequests.Form(
        ("token", "legacy-token"),
        ("team_id", TeamId),
        ("team_domain", "example"),
        ("channel_id", channelId),
        ("channel_name", "onboarding"),
        ("user_id", UserId),
        ("user_name", "pat"),
        ("command", "/netsuite"),
        ("text", text),
        ("api_app_id", "A0APP"),
        ("response_url", "https://hooks.slack.example/commands/1"),
        ("trigger_id", triggerId));
}
