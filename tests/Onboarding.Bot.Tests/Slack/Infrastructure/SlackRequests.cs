using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>Posts signed Slack requests (events, interactions, slash commands) to the bot, as Slack would.</summary>
public sealed class SlackRequests(Uri botBaseAddress, string signingSecret)
{
    private int _clicks;

    public const string EventsPath = "api/slack/events";
    public const string InteractionsPath = "api/slack/interactions";
    public const string CommandsPath = "api/slack/commands";

    public Task<HttpResponseMessage> PostEventAsync(JsonObject envelope, int? retryNum = null) =>
        PostAsync(EventsPath, envelope.ToJsonString(), "application/json", retryNum: retryNum);

    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        PostAsync(InteractionsPath, Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded");

    /// <summary>Clicks the button labelled <paramref name="label"/> on a card the bot posted (<paramref name="card"/>) whose <c>ts</c> is <paramref name="messageTs"/>.</summary>
    public Task<HttpResponseMessage> ClickAsync(RecordedSlackCall card, string label, string messageTs) =>
        PostInteractionAsync(SlackPayloads.Click(card.Button(label), messageTs, $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref _clicks):D6}"));

    public Task<HttpResponseMessage> PostCommandAsync(string text, string channelId = SlackPayloads.ChannelId, string triggerId = "trigger-1") =>
        PostAsync(CommandsPath, SlackPayloads.SlashCommandForm(text, channelId, triggerId), "application/x-www-form-urlencoded");

    /// <summary>Posts <paramref name="body"/> signed with <paramref name="secret"/> (default: the right one) at <paramref name="timestamp"/> (default: now).</summary>
    public async Task<HttpResponseMessage> PostAsync(
        string path, string body, string contentType, string? secret = null, DateTimeOffset? timestamp = null,
        bool sign = true, string? sentBody = null, int? retryNum = null)
    {
        var seconds = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(sentBody ?? body, Encoding.UTF8, contentType),
        };
        if (sign)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", seconds.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Signature", new SlackRequestSigner(secret ?? signingSecret).Sign(seconds, body));
        }

        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        using var client = new HttpClient { BaseAddress = botBaseAddress };
        return await client.SendAsync(request);
    }

    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));
}
