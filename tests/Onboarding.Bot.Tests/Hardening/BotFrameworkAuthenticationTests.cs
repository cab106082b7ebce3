using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// With MicrosoftAppId set, <c>/api/messages</c> only takes activities carrying a channel token that validates against
/// the OpenID metadata (here a local stand-in, through the Bot Framework's own <c>ToBotFromChannelOpenIdMetadataUrl</c>
/// and <c>ToBotFromChannelTokenIssuer</c> keys). A good token is accepted, so the 401s prove the check itself.
/// </summary>
public sealed class BotFrameworkAuthenticationTests : IAsyncLifetime
{
    private const string AppId = AuthenticatedBotProcess.AppId;

    // With an app id set, a service URL must be https; a typing activity never makes the bot call it.
    private const string ServiceUrl = "https://smba.stand-in.test/teams/";

    private AuthenticatedBotProcess _host = null!;

    private OpenIdMetadataStandIn Metadata => _host.Metadata;

    private BotProcess ChildHost => _host.Bot;

    public async Task InitializeAsync() => _host = await AuthenticatedBotProcess.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Activity_without_a_token_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(authorization: null));
    }

    [Fact]
    public async Task Activity_with_a_token_signed_by_another_key_gets_401()
    {
        using var stranger = RSA.Create(2048);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Metadata.IssueToken(AppId, ServiceUrl, signWith: stranger)));
    }

    [Fact]
    public async Task Activity_with_a_tampered_token_gets_401()
    {
        var token = Metadata.IssueToken(AppId, ServiceUrl);
        var parts = token.Split('.');
        var claims = JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        claims["serviceurl"] = "http://127.0.0.1:1/attacker";
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(claims.ToJsonString())}.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(forged));
    }

    [Fact]
    public async Task Activity_with_a_malformed_token_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("not.a-jwt"));
    }

    [Fact]
    public async Task Activity_with_a_token_for_another_bot_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(Metadata.IssueToken("another-bots-app-id", ServiceUrl)));
    }

    [Fact]
    public async Task Activity_with_an_expired_token_gets_401()
    {
        var expired = Metadata.IssueToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-30));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(expired));
    }

    [Fact]
    public async Task Activity_with_a_valid_channel_token_is_accepted()
    {
        var status = await PostAsync(Metadata.IssueToken(AppId, ServiceUrl));

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"got {status}:\n{string.Join('\n', ChildHost.Output.TakeLast(40))}");
    }

    [Fact]
    public async Task Unauthenticated_request_is_refused_from_its_headers_while_its_body_is_still_arriving()
    {
        // A body that never ends: an answer can only come from the headers.
        var status = await RawHttpRequest.PostAsync(ChildHost.BaseAddress, "/api/messages", bodyBytes: null, chunked: true);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
    }

    [Fact]
    public async Task Request_with_a_forged_token_is_refused_from_its_headers_while_its_body_is_still_arriving()
    {
        using var stranger = RSA.Create(2048);
        var forged = Metadata.IssueToken(AppId, ServiceUrl, signWith: stranger);

        var status = await RawHttpRequest.PostAsync(ChildHost.BaseAddress, "/api/messages", bodyBytes: null, chunked: true, authorization: $"Bearer {forged}");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/connector/")]
    [InlineData("http://smba.stand-in.test/teams/")]
    public async Task Authenticated_activity_with_a_plain_http_service_url_is_refused_with_400(string serviceUrl)
    {
        // The token vouches for exactly this service URL; only https is served outside local anonymous mode.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(Metadata.IssueToken(AppId, serviceUrl), serviceUrl));
    }

    [Fact]
    public async Task Authenticated_activity_without_a_service_url_is_refused_with_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(Metadata.IssueToken(AppId, ServiceUrl), serviceUrl: null));
    }

    [Fact]
    public async Task Authenticated_activity_from_an_unserved_channel_is_refused_with_403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(Metadata.IssueToken(AppId, ServiceUrl), channel: "webchat"));
    }

    // A typing indicator: accepted activities of this type make the bot send nothing, so no outbound token is needed.
    private async Task<HttpStatusCode> PostAsync(string? authorization, string? serviceUrl = ServiceUrl, string channel = "msteams")
    {
        var activity = new TeamsActivities(serviceUrl ?? ServiceUrl).Message("help");
        activity["type"] = "typing";
        activity["channelId"] = channel;
        activity.Remove("text");
        if (serviceUrl is null)
        {
            activity.Remove("serviceUrl");
        }

        using var client = new HttpClient { BaseAddress = ChildHost.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authorization);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
