using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// The Bot Framework's OpenID metadata cannot be fetched (here: its address answers nothing). A token that would need it
/// to be checked is neither accepted nor a server error: 503 with Retry-After. What the headers alone condemn is still 401.
/// </summary>
public sealed class OpenIdMetadataOutageTests : IAsyncLifetime
{
    private const string AppId = "00000000-1111-2222-3333-444444444444";
    private const string ServiceUrl = "https://smba.stand-in.test/teams/";

    private readonly TestDirectory _directory = new();
    private OpenIdMetadataStandIn _issuer = null!;
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        // The stand-in only signs tokens; the host is pointed at an address where no metadata can be had.
        _issuer = await OpenIdMetadataStandIn.StartAsync();
        var unreachable = "https://127.0.0.1:1/.well-known/openid-configuration";
        _bot = await BotProcess.StartAsync(_directory, _issuer.BotSettings(AppId, metadataUrl: unreachable));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Forged_token_that_cannot_be_checked_gets_503_never_500()
    {
        using var response = await PostAsync(_issuer.IssueToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain(_bot.Output, line => line.Contains("fail: Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_without_a_token_still_gets_401()
    {
        using var response = await PostAsync(authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string? authorization)
    {
        var activity = new TeamsActivities(ServiceUrl).Message("help");
        using var client = new HttpClient { BaseAddress = _bot.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authorization);
        }

        return await client.SendAsync(request);
    }
}
