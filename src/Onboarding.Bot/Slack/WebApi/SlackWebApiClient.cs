using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Engine.NetSuite;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.WebApi;

/// <summary>
/// The few Slack Web API methods the bot uses, over the named <see cref="HttpClient"/> <see cref="HttpClientName"/>
/// whose base address is <c>Slack:ApiBaseUrl</c>. Failures come back as <see cref="SlackApiError"/>; 429s are retried by the resilience
/// handler honouring <c>Retry-After</c> before one surfaces here.
/// </summary>
public sealed class SlackWebApiClient(IHttpClientFactory httpClients, ILogger<SlackWebApiClient> logger)
{
    public const string HttpClientName = "slack-web-api";
    public const string PostMessageMethod = "chat.postMessage";
    public const string UpdateMethod = "chat.update";
    public const string OAuthAccessMethod = "oauth.v2.access";
    public const string UsersInfoMethod = "users.info";

    /// <summary>Posts a message, as a reply when <paramref name="threadTs"/> is given.</summary>
    public Task<SlackApiResult<SlackPostedMessage>> PostMessageAsync(
        BearerToken token, string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken) =>
        ChatAsync(PostMessageMethod, token, new SlackChatRequest(channel, message.Text, message.Blocks, ThreadTs: threadTs), cancellationToken);

    /// <summary>Replaces the text and blocks of a message the bot posted.</summary>
    public Task<SlackApiResult<SlackPostedMessage>> UpdateMessageAsync(
        BearerToken token, string channel, string ts, SlackMessage message, CancellationToken cancellationToken) =>
        ChatAsync(UpdateMethod, token, new SlackChatRequest(channel, message.Text, message.Blocks, Ts: ts), cancellationToken);

    /// <summary>
    /// A member's locale and time zone: <c>users.info</c> with <c>include_locale</c>
    /// (https://docs.slack.dev/reference/methods/users.info; needs the <c>users:read</c> scope).
    /// </summary>
    public async Task<SlackApiResult<SlackUserInfo>> UserInfoAsync(BearerToken token, string userId, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = userId, ["include_locale"] = "true" });
        return await CallAsync<SlackUserInfo>(UsersInfoMethod, token, content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Exchanges an OAuth v2 code for the workspace's bot token.</summary>
    public async Task<SlackApiResult<SlackOAuthAccess>> ExchangeCodeAsync(
        string clientId, string clientSecret, string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["code"] = code,
            ["redirect_uri"] = redirectUri.AbsoluteUri,
        });
        return await CallAsync<SlackOAuthAccess>(OAuthAccessMethod, null, content, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackApiResult<SlackPostedMessage>> ChatAsync(
        string method, BearerToken token, SlackChatRequest request, CancellationToken cancellationToken)
    {
        // Clones the blocks: a JsonNode may have one parent, and callers may render once and send twice.
        using var content = JsonContent.Create(request with { Blocks = (System.Text.Json.Nodes.JsonArray)request.Blocks.DeepClone() }, options: SlackJson.Options);
        return await CallAsync<SlackPostedMessage>(method, token, content, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackApiResult<T>> CallAsync<T>(string method, BearerToken? token, HttpContent content, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        if (token is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer.Value);
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            var result = await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                SlackApiCallFailed(logger, method, result.Error.Code, (int)response.StatusCode);
            }

            return result;
        }
        catch (HttpRequestException exception)
        {
            SlackApiCallFailed(logger, method, exception.HttpRequestError.ToString(), 0);
            return new SlackApiError(SlackApiErrorKind.Network, "network");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            SlackApiCallFailed(logger, method, "timeout", 0);
            return new SlackApiError(SlackApiErrorKind.Unavailable, "timeout");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SlackApiCallFailed(logger, method, "timeout", 0);
            return new SlackApiError(SlackApiErrorKind.Unavailable, "timeout");
        }
    }

    private static async Task<SlackApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new SlackApiError(SlackApiErrorKind.RateLimited, "ratelimited", status, RetryAfter: response.Headers.RetryAfter?.Delta);
        }

        if (!response.IsSuccessStatusCode)
        {
            return new SlackApiError(status >= 500 ? SlackApiErrorKind.Unavailable : SlackApiErrorKind.Refused, $"http_{status}", status);
        }

        try
        {
            var json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var envelope = JsonSerializer.Deserialize<SlackResponseEnvelope>(json, SlackJson.Options);
            if (envelope is null || !envelope.Ok)
            {
                return SlackApiError.FromCode(envelope?.Error ?? "unknown_error", envelope?.Needed);
            }

            return JsonSerializer.Deserialize<T>(json, SlackJson.Options) is { } value
                ? SlackApiResult<T>.Success(value)
                : new SlackApiError(SlackApiErrorKind.Refused, "malformed_response", status);
        }
        catch (JsonException)
        {
            return new SlackApiError(SlackApiErrorKind.Refused, "malformed_response", status);
        }
    }
}
