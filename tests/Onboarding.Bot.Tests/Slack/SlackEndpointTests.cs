using System.Net;
using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Bot.Tests.Slack.Infrastructure;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>Every Slack endpoint refuses what is not signed by Slack, before it does anything else.</summary>
public sealed class SlackEndpointTests : IAsyncLifetime
{
    private readonly RecordingCommandHandler _engine = new();
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync(_engine);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        var response = await _host.Requests.PostEventAsync(SlackPayloads.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)body?["challenge"]);
    }

    [Theory]
    [InlineData(SlackRequests.EventsPath)]
    [InlineData(SlackRequests.InteractionsPath)]
    [InlineData(SlackRequests.CommandsPath)]
    public async Task A_correctly_signed_request_is_accepted(string path)
    {
        var response = await _host.Requests.PostAsync(path, Body(path), ContentType(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(SlackRequests.EventsPath)]
    [InlineData(SlackRequests.InteractionsPath)]
    [InlineData(SlackRequests.CommandsPath)]
    public async Task A_tampered_body_is_refused(string path)
    {
        var body = Body(path);
        var response = await _host.Requests.PostAsync(path, body, ContentType(path), sentBody: body.Replace("help", "onboard", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_engine.Started);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(3)]
    public async Task A_timestamp_outside_the_replay_window_is_refused(int minutesFromNow)
    {
        var response = await _host.Requests.PostAsync(
            SlackRequests.CommandsPath, Body(SlackRequests.CommandsPath), ContentType(SlackRequests.CommandsPath), timestamp: DateTimeOffset.UtcNow.AddMinutes(minutesFromNow));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_engine.Started);
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused()
    {
        var response = await _host.Requests.PostAsync(
            SlackRequests.EventsPath, Body(SlackRequests.EventsPath), ContentType(SlackRequests.EventsPath), secret: "not-the-signing-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(SlackRequests.EventsPath)]
    [InlineData(SlackRequests.InteractionsPath)]
    [InlineData(SlackRequests.CommandsPath)]
    public async Task A_request_without_signature_headers_is_refused(string path)
    {
        var response = await _host.Requests.PostAsync(path, Body(path), ContentType(path), sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Url_verification_without_a_signature_gets_no_challenge()
    {
        var response = await _host.Requests.PostAsync(
            SlackRequests.EventsPath, SlackPayloads.UrlVerification("secret-challenge").ToJsonString(), "application/json", sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("secret-challenge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_slack_endpoints_do_not_exist()
    {
        await using var host = BotHost.Start(new Dictionary<string, string?> { ["Slack:SigningSecret"] = string.Empty });
        var requests = new SlackRequests(host.BaseAddress, SlackBotHost.SigningSecret);

        var response = await requests.PostEventAsync(SlackPayloads.UrlVerification("c"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Body(string path) => path switch
    {
        SlackRequests.EventsPath => SlackPayloads.AppMention("help", "Ev-signed").ToJsonString(),
        SlackRequests.InteractionsPath => SlackRequests.Form(("payload", SlackPayloads.BlockActions("0-help", """{"verb":"help","data":{}}""").ToJsonString())),
        _ => SlackPayloads.SlashCommandForm("help"),
    };

    private static string ContentType(string path) => path == SlackRequests.EventsPath ? "application/json" : "application/x-www-form-urlencoded";
}
