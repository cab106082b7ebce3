using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class RefreshAndRevokeTests : SandboxTest
{
    [Fact]
    public async Task Public_client_refresh_rotates_the_refresh_token_and_the_old_one_is_single_use()
    {
        var (_, refresh) = await AdminTokensAsync();

        var rotated = await JsonAsync(await RefreshAsync(refresh), HttpStatusCode.OK);
        var reuse = await RefreshAsync(refresh);

        Assert.NotEqual(refresh, rotated["refresh_token"]!.GetValue<string>());
        Assert.NotNull(rotated["access_token"]);
        Assert.Equal("invalid_grant", await OAuthErrorAsync(reuse, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Demo_refresh_tokens_last_one_hour_and_no_chain_outlives_the_hour_after_consent()
    {
        var (_, refresh) = await AdminTokensAsync();
        await AdvanceClockAsync(TimeSpan.FromMinutes(59));
        var rotated = (await JsonAsync(await RefreshAsync(refresh), HttpStatusCode.OK))["refresh_token"]!.GetValue<string>();

        await AdvanceClockAsync(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        // Rotated at minute 59, the new token still ends at consent + 1 h (maxRotationHours 1).
        Assert.Equal(3600, DecodePayload(rotated)["exp"]!.GetValue<long>() - DecodePayload(rotated)["oit"]!.GetValue<long>());
        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RefreshAsync(rotated), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Revoking_the_refresh_token_revokes_its_access_tokens()
    {
        var (access, refresh) = await AdminTokensAsync();

        var revoke = await Http.PostAsync($"{Base}/services/rest/auth/oauth2/v1/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refresh,
            ["client_id"] = ClientId,
        }));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(string.Empty, await revoke.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SuiteQlAsync(access, "SELECT id FROM role")).StatusCode);
        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RefreshAsync(refresh), HttpStatusCode.BadRequest));
    }
}

/// <summary>An integration record with NetSuite's default lifetimes: refresh tokens valid 48 h, chains capped at 168 h.</summary>
public sealed class DefaultRefreshLifetimeTests : SandboxTest
{
    public DefaultRefreshLifetimeTests() => Seed = new TestSeed(seed =>
    {
        var onboarding = TestSeed.DemoAccount(seed)["integrations"]![0]!;
        onboarding["refreshTokenValidityHours"] = 48;
        onboarding["maxRotationHours"] = 168;
    });

    [Fact]
    public async Task Refresh_token_expires_after_its_validity_hours()
    {
        var (_, refresh) = await AdminTokensAsync();
        await AdvanceClockAsync(TimeSpan.FromHours(47));
        var rotated = (await JsonAsync(await RefreshAsync(refresh), HttpStatusCode.OK))["refresh_token"]!.GetValue<string>();
        await AdvanceClockAsync(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));

        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RefreshAsync(rotated), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Refresh_chain_ends_at_the_maximum_rotation_time()
    {
        var (_, refresh) = await AdminTokensAsync();
        for (var i = 0; i < 3; i++)
        {
            await AdvanceClockAsync(TimeSpan.FromHours(47));
            refresh = (await JsonAsync(await RefreshAsync(refresh), HttpStatusCode.OK))["refresh_token"]!.GetValue<string>();
        }

        await AdvanceClockAsync(TimeSpan.FromHours(26)); // 167 h after the chain started: still inside 168 h
        refresh = (await JsonAsync(await RefreshAsync(refresh), HttpStatusCode.OK))["refresh_token"]!.GetValue<string>();
        Assert.True(DecodePayload(refresh)["exp"]!.GetValue<long>() - DecodePayload(refresh)["oit"]!.GetValue<long>() <= 168 * 3600);

        await AdvanceClockAsync(TimeSpan.FromHours(2));
        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RefreshAsync(refresh), HttpStatusCode.BadRequest));
    }
}

public sealed class BearerTests : SandboxTest
{
    [Fact]
    public async Task Missing_bearer_gets_401_invalid_login_with_the_challenge_header()
    {
        var response = await SuiteQlAsync(null, "SELECT id FROM role");

        Assert.Equal("INVALID_LOGIN", await RestErrorCodeAsync(response, HttpStatusCode.Unauthorized));
        Assert.Equal($"Bearer realm=\"{AccountId}\", error=\"invalid_token\", error_description=\"Invalid login attempt.\"",
            response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Malformed_authorization_header_gets_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SuiteQlUrl) { Content = new StringContent("{\"q\":\"SELECT 1\"}") };
        request.Headers.TryAddWithoutValidation("Authorization", "Token abc");
        request.Headers.Add("Prefer", "transient");

        var response = await Http.SendAsync(request);

        Assert.Equal("INVALID_REQUEST", await RestErrorCodeAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains("error=\"invalid_request\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_access_token_is_refused()
    {
        var token = await AdminTokenAsync();
        await AdvanceClockAsync(TimeSpan.FromSeconds(3601));

        Assert.Equal("INVALID_LOGIN", await RestErrorCodeAsync(await SuiteQlAsync(token, "SELECT id FROM role"), HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Refresh_token_used_as_a_bearer_is_refused()
    {
        var (_, refresh) = await AdminTokensAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SuiteQlAsync(refresh, "SELECT id FROM role")).StatusCode);
    }

    [Fact]
    public async Task Token_without_the_restlets_scope_is_refused_by_the_restlet_host()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync(scope: "rest_webservices");

        var response = await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_LOGIN_ATTEMPT", (await JsonAsync(response, HttpStatusCode.Unauthorized))["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Role_that_lost_the_oauth_login_permission_is_refused()
    {
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/roles/3/permissions/remove", new { permission = "Log in using OAuth 2.0 Access Tokens" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await SuiteQlAsync(token, "SELECT id FROM role")).StatusCode);
    }
}
