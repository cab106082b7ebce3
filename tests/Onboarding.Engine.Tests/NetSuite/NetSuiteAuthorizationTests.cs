using System.Net;
using System.Web;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.NetSuite.Internal;
using Onboarding.Engine.Tests.TestDoubles;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class NetSuiteAuthorizationTests
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");

    [Fact]
    public void Authorize_link_carries_the_PKCE_challenge_for_the_returned_verifier()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());

        var start = host.Get<INetSuiteAuthorization>().BeginAuthorization(Account);

        Assert.Equal("https://1234567-sb1.app.netsuite.com/app/login/oauth2/authorize.nl", start.AuthorizeUrl.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(start.AuthorizeUrl.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("demo-onboarding-client", query["client_id"]);
        Assert.Equal("http://localhost:3978/oauth/netsuite/callback", query["redirect_uri"]);
        Assert.Equal("rest_webservices restlets", query["scope"]);
        Assert.Equal(start.State, query["state"]);
        Assert.Equal(Pkce.ChallengeFor(start.CodeVerifier), query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Contains("scope=rest_webservices+restlets", start.AuthorizeUrl.Query);
        Assert.DoesNotContain(start.CodeVerifier, start.AuthorizeUrl.AbsoluteUri);
        Assert.DoesNotContain(start.State, start.ToString());
    }

    [Fact]
    public void Without_a_known_account_the_link_goes_to_the_system_domain()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());

        var start = host.Get<INetSuiteAuthorization>().BeginAuthorization(null);

        Assert.Equal("https://system.netsuite.com/app/login/oauth2/authorize.nl", start.AuthorizeUrl.GetLeftPart(UriPartial.Path));
    }

    [Theory]
    [InlineData("\"3600\"")]
    [InlineData("3600")]
    public async Task Code_exchange_posts_a_public_client_form_and_reads_expires_in_as_string_or_number(string expiresIn)
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, $$"""{"access_token":"at-1","refresh_token":"rt-1","expires_in":{{expiresIn}},"token_type":"bearer"}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<INetSuiteAuthorization>().ExchangeCodeAsync(Account, "code-1", "verifier-1", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("at-1", result.Value.AccessToken.Value);
        Assert.Equal("rt-1", result.Value.RefreshToken?.Value);
        Assert.Equal(host.Time.GetUtcNow().AddHours(1), result.Value.ExpiresAt);
        var request = Assert.Single(netsuite.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token", request.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("authorization_code", request.Form["grant_type"]);
        Assert.Equal("code-1", request.Form["code"]);
        Assert.Equal("verifier-1", request.Form["code_verifier"]);
        Assert.Equal("demo-onboarding-client", request.Form["client_id"]);
        Assert.Equal("http://localhost:3978/oauth/netsuite/callback", request.Form["redirect_uri"]);
    }

    [Fact]
    public async Task A_used_code_is_an_invalid_grant_that_says_to_start_again()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<INetSuiteAuthorization>().ExchangeCodeAsync(Account, "code-1", "verifier-1", CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(NetSuiteErrorKind.InvalidGrant, result.Error.Kind);
        Assert.Equal("invalid_grant", result.Error.Code);
        Assert.Contains("again", result.Error.Explanation.En());
    }

    [Fact]
    public async Task Code_exchange_is_not_retried_after_a_server_error()
    {
        var netsuite = new StubNetSuiteHandler().Always(_ => StubNetSuiteHandler.Json(HttpStatusCode.BadGateway, "{}"));
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<INetSuiteAuthorization>().ExchangeCodeAsync(Account, "code-1", "verifier-1", CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.Unavailable, result.Error?.Kind);
        Assert.Single(netsuite.Requests);
    }

    [Fact]
    public async Task Code_exchange_refused_at_the_concurrency_gate_is_retried()
    {
        var netsuite = new StubNetSuiteHandler()
            .Then(HttpStatusCode.TooManyRequests, """{"title":"Bad Request","status":429,"o:errorDetails":[{"detail":"Concurrent request limit exceeded. Request blocked.","o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]}""")
            .Then(HttpStatusCode.OK, """{"access_token":"at-1","refresh_token":"rt-1","expires_in":"3600","token_type":"bearer"}""");
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<INetSuiteAuthorization>().ExchangeCodeAsync(Account, "code-1", "verifier-1", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, netsuite.Requests.Count);
    }

    [Fact]
    public async Task Refresh_sends_the_refresh_token_and_client_id_and_returns_the_rotated_token()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """{"access_token":"at-2","refresh_token":"rt-2","expires_in":"3600","token_type":"bearer"}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<INetSuiteAuthorization>().RefreshAsync(Account, new BearerToken("rt-1"), CancellationToken.None);

        Assert.Equal("rt-2", result.Value?.RefreshToken?.Value);
        var form = Assert.Single(netsuite.Requests).Form;
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("rt-1", form["refresh_token"]);
        Assert.Equal("demo-onboarding-client", form["client_id"]);
    }

    [Fact]
    public async Task Revoke_posts_the_token_to_the_revoke_endpoint()
    {
        var netsuite = new StubNetSuiteHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<INetSuiteAuthorization>().RevokeAsync(Account, new BearerToken("rt-1"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var request = Assert.Single(netsuite.Requests);
        Assert.Equal("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/revoke", request.Uri.AbsoluteUri);
        Assert.Equal("rt-1", request.Form["token"]);
        Assert.Equal("demo-onboarding-client", request.Form["client_id"]);
    }

    [Fact]
    public async Task Cancellation_is_rethrown_not_turned_into_a_result()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, "{}");
        using var host = new NetSuiteTestHost(netsuite);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Get<INetSuiteAuthorization>().ExchangeCodeAsync(Account, "code-1", "verifier-1", cancelled.Token));
    }
}
