using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class AuthorizationCodeTokenTests : SandboxTest
{
    [Fact]
    public async Task Code_redeemed_with_the_rfc_7636_appendix_b_verifier_gives_tokens()
    {
        var body = await JsonAsync(await RedeemAsync(await CodeAsync()), HttpStatusCode.OK);

        Assert.Equal("3600", body["expires_in"]!.GetValue<string>());
        Assert.Equal("bearer", body["token_type"]!.GetValue<string>());
        Assert.NotNull(body["refresh_token"]);
        var claims = DecodePayload(body["access_token"]!.GetValue<string>());
        Assert.Equal("3;7", claims["sub"]!.GetValue<string>());
        Assert.Equal("https://system.netsuite.com", claims["iss"]!.GetValue<string>());
        Assert.Equal(ClientId, claims["aud"]![1]!.GetValue<string>());
        Assert.EndsWith(";" + AccountId, claims["aud"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["rest_webservices", "restlets"], claims["scope"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(3600, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
        Assert.Equal(claims["iat"]!.GetValue<long>(), claims["oit"]!.GetValue<long>());
    }

    [Fact]
    public async Task Wrong_verifier_is_refused()
    {
        var response = await RedeemAsync(await CodeAsync(), verifier: new string('a', 43));
        Assert.Equal("invalid_grant", await OAuthErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Replayed_code_is_refused_and_revokes_what_it_issued()
    {
        var code = await CodeAsync();
        var first = await JsonAsync(await RedeemAsync(code), HttpStatusCode.OK);

        var replay = await RedeemAsync(code);

        Assert.Equal("invalid_grant", await OAuthErrorAsync(replay, HttpStatusCode.BadRequest));
        var query = await SuiteQlAsync(first["access_token"]!.GetValue<string>(), "SELECT id FROM role");
        Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode);
    }

    [Fact]
    public async Task Code_older_than_ten_minutes_is_refused()
    {
        var code = await CodeAsync();
        await AdvanceClockAsync(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RedeemAsync(code), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Code_redeemed_with_another_redirect_uri_is_refused()
    {
        var response = await RedeemAsync(await CodeAsync(), redirectUri: "http://127.0.0.1:3978/oauth/netsuite/callback");
        Assert.Equal("invalid_grant", await OAuthErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Two_client_authentication_methods_at_once_are_refused()
    {
        var response = await BasicTokenRequestAsync(ClientId, string.Empty, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = await CodeAsync(),
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = RfcVerifier,
            ["client_id"] = ClientId,
        });

        Assert.Equal("invalid_request", await OAuthErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Public_client_may_authenticate_with_basic_and_an_empty_secret()
    {
        var response = await BasicTokenRequestAsync(ClientId, string.Empty, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = await CodeAsync(),
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = RfcVerifier,
        });

        await JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_client_gets_invalid_client_with_a_basic_challenge()
    {
        var response = await Http.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = "x",
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "nobody",
        }));

        Assert.Equal("invalid_client", await OAuthErrorAsync(response, HttpStatusCode.Unauthorized));
        Assert.Equal($"Basic realm=\"{AccountId}\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Unsupported_grant_type_is_refused()
    {
        var response = await Http.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));
        Assert.Equal("unsupported_grant_type", await OAuthErrorAsync(response, HttpStatusCode.BadRequest));
    }
}

public sealed class NumericExpiresInTests : SandboxTest
{
    protected override void Configure(SandboxOptions options)
    {
        base.Configure(options);
        options.ExpiresInAsString = false;
    }

    [Fact]
    public async Task Expires_in_is_a_number_when_the_setting_says_so()
    {
        var body = await JsonAsync(await RedeemAsync(await CodeAsync()), HttpStatusCode.OK);
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
    }
}
