using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// Malformed and oversized activities posted to <c>/api/messages</c> of the real host (local anonymous mode, where
/// nothing else stands in their way): each gets its 4xx — never a 500 — and the database is byte for byte the same.
/// </summary>
public sealed class MalformedActivityTests : IAsyncLifetime
{
    private BotTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BotTestBed.StartAsync(new Dictionary<string, string?> { ["Health:Enabled"] = "false" });

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    public static TheoryData<string, HttpStatusCode> Malformed => new()
    {
        { "no serviceUrl", HttpStatusCode.BadRequest },
        { "empty serviceUrl", HttpStatusCode.BadRequest },
        { "relative serviceUrl", HttpStatusCode.BadRequest },
        { "http serviceUrl elsewhere", HttpStatusCode.BadRequest },
        { "ftp serviceUrl", HttpStatusCode.BadRequest },
        { "javascript serviceUrl", HttpStatusCode.BadRequest },
        { "no type", HttpStatusCode.BadRequest },
        { "no conversation", HttpStatusCode.BadRequest },
        { "no channelId", HttpStatusCode.BadRequest },
        { "100 KB conversation id", HttpStatusCode.BadRequest },
        { "100 KB activity id", HttpStatusCode.BadRequest },
        { "100 KB user name", HttpStatusCode.BadRequest },
        { "100 KB tenant id", HttpStatusCode.BadRequest },
        { "tenant id with a separator", HttpStatusCode.BadRequest },
        { "webchat channel", HttpStatusCode.Forbidden },
        { "directline channel", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_activity_is_refused_and_changes_nothing(string attack, HttpStatusCode expected)
    {
        var activity = _bed.Teams.Message("onboard 1234567_SB1");
        var huge = new string('x', 100 * 1024);
        switch (attack)
        {
            case "no serviceUrl": activity.Remove("serviceUrl"); break;
            case "empty serviceUrl": activity["serviceUrl"] = ""; break;
            case "relative serviceUrl": activity["serviceUrl"] = "/v3/conversations"; break;
            case "http serviceUrl elsewhere": activity["serviceUrl"] = "http://attacker.example/"; break;
            case "ftp serviceUrl": activity["serviceUrl"] = "ftp://127.0.0.1/"; break;
            case "javascript serviceUrl": activity["serviceUrl"] = "javascript:alert(1)"; break;
            case "no type": activity.Remove("type"); break;
            case "no conversation": activity.Remove("conversation"); break;
            case "no channelId": activity.Remove("channelId"); break;
            case "100 KB conversation id": activity["conversation"]!["id"] = huge; break;
            case "100 KB activity id": activity["id"] = huge; break;
            case "100 KB user name": activity["from"]!["name"] = huge; break;
            case "100 KB tenant id": activity["conversation"]!["tenantId"] = huge; break;
            case "tenant id with a separator": activity["conversation"]!["tenantId"] = "tenant-1|other"; break;
            case "webchat channel": activity["channelId"] = "webchat"; break;
            case "directline channel": activity["channelId"] = "directline"; break;
        }

        var before = await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath);

        using var response = await _bed.SendAsync(activity);

        Assert.Equal(expected, response.StatusCode);
        await AfterAGenuineTurnAsync();
        (await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath)).AssertUnchangedSince(before);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"message\",\"from\":42}")]
    public async Task Body_that_is_not_an_activity_gets_400(string body)
    {
        using var client = new HttpClient { BaseAddress = _bed.Host.BaseAddress };

        using var response = await client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ten_megabyte_activity_is_refused_with_413_from_its_declared_length()
    {
        var status = await RawHttpRequest.PostAsync(_bed.Host.BaseAddress, "/api/messages", 10 * 1024 * 1024, chunked: false);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
    }

    [Fact]
    public async Task Oversized_activity_sent_without_a_length_is_cut_off_with_413()
    {
        var status = await RawHttpRequest.PostAsync(_bed.Host.BaseAddress, "/api/messages", 1024 * 1024, chunked: true);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
    }

    [Theory]
    [InlineData("http://localhost:56150/")]
    [InlineData("http://127.0.0.1:56150/")]
    public async Task In_local_mode_a_loopback_http_service_url_is_served(string serviceUrl)
    {
        var activity = _bed.Teams.Message("help");
        activity["serviceUrl"] = serviceUrl;

        using var response = await _bed.SendAsync(activity);

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
    }

    [Theory]
    [InlineData("/oauth/netsuite/callback")]
    [InlineData("/healthz")]
    [InlineData("/api/slack/events")]
    [InlineData("/no/such/endpoint")]
    public async Task Every_endpoint_refuses_a_body_over_its_limit_with_413(string path)
    {
        var status = await RawHttpRequest.PostAsync(_bed.Host.BaseAddress, path, 1024 * 1024, chunked: false);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
    }

    // A refused activity queued nothing; once a later, genuine one has been answered, anything it had queued would have run.
    private async Task AfterAGenuineTurnAsync()
    {
        var barrier = _bed.Conversation($"a:barrier-{Guid.NewGuid():N}");
        (await _bed.SendAsync(barrier.Message("help"))).EnsureSuccessStatusCode();
        await _bed.Connector.WaitForAsync(a => a.ConversationId == barrier.ConversationId);
    }
}
