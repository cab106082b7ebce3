using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class AuthorizeTests : SandboxTest
{
    [Fact]
    public async Task Valid_request_shows_a_consent_page_that_posts_back_to_itself()
    {
        var response = await Http.GetAsync(AuthorizeUrl());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"decision\" value=\"allow\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"role\"", html, StringComparison.Ordinal);
        Assert.Contains("Pat Admin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_redirects_with_state_role_entity_company_and_code()
    {
        var state = NewState();
        var query = RedirectQuery(await DecideAsync(AuthorizeUrl(state: state)));

        Assert.Equal(state, query["state"]);
        Assert.Equal("3", query["role"]);
        Assert.Equal("7", query["entity"]);
        Assert.Equal(AccountId, query["company"]);
        Assert.False(string.IsNullOrEmpty(query["code"]));
    }

    [Fact]
    public async Task Deny_redirects_with_access_denied()
    {
        var state = NewState();
        var query = RedirectQuery(await DecideAsync(AuthorizeUrl(state: state), decision: "deny"));

        Assert.Equal("access_denied", query["error"]);
        Assert.Equal(state, query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Unknown_client_gets_an_error_page_and_no_redirect()
    {
        var response = await Http.GetAsync(AuthorizeUrl(clientId: "someone-else"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Redirect_uri_not_on_the_record_gets_an_error_page_and_no_redirect()
    {
        var response = await Http.GetAsync(AuthorizeUrl(redirectUri: "http://localhost:3978/oauth/netsuite/callback/other"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("short-state")]
    [InlineData("state-with-a-non-printable-\u0001-character")]
    public async Task State_outside_22_to_1024_printable_characters_is_refused(string state)
    {
        var query = RedirectQuery(await Http.GetAsync(AuthorizeUrl(state: state)));
        Assert.Equal("invalid_request", query["error"]);
    }

    [Fact]
    public async Task Public_client_without_pkce_is_refused()
    {
        var query = RedirectQuery(await Http.GetAsync(AuthorizeUrl(challenge: null, method: null)));
        Assert.Equal("invalid_request", query["error"]);
    }

    [Fact]
    public async Task Plain_pkce_method_is_refused()
    {
        var query = RedirectQuery(await Http.GetAsync(AuthorizeUrl(method: "plain")));
        Assert.Equal("invalid_request", query["error"]);
    }

    [Theory]
    [InlineData("suite_analytics")]
    [InlineData("mcp restlets")]
    [InlineData("rest_webservices,restlets")]
    [InlineData("")]
    public async Task Scope_not_enabled_or_malformed_is_refused(string scope)
    {
        var query = RedirectQuery(await Http.GetAsync(AuthorizeUrl(scope: scope)));
        Assert.Equal("invalid_scope", query["error"]);
    }

    [Fact]
    public async Task Response_type_other_than_code_is_refused()
    {
        var query = RedirectQuery(await Http.GetAsync(AuthorizeUrl(responseType: "token")));
        Assert.Equal("unsupported_response_type", query["error"]);
    }

    [Fact]
    public async Task Role_that_is_not_the_users_is_refused_on_consent()
    {
        var response = await DecideAsync(AuthorizeUrl(), role: 999);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task System_path_asks_for_the_account_and_reports_it_as_company()
    {
        var systemBase = $"{Server.BaseAddress}system";
        var url = AuthorizeUrl(accountBase: systemBase);

        var page = await (await Http.GetAsync(url)).Content.ReadAsStringAsync();
        var query = RedirectQuery(await DecideAsync(url, account: AccountId));

        Assert.Contains("name=\"account\"", page, StringComparison.Ordinal);
        Assert.Equal(AccountId, query["company"]);
        Assert.True(query.ContainsKey("code"));
    }
}
