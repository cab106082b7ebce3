using System.Net;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class SeededAccountTests : SandboxTest
{
    private const string SecondAccount = SecondAccountId;
    private const string ConfidentialClient = "confidential-client";
    private const string Secret = "s3cret";

    // The built-in seed's second account holds the same client; the demo account gets a confidential authorization-code client.
    public SeededAccountTests() => Seed = new TestSeed(seed =>
    {
        var demo = TestSeed.DemoAccount(seed);
        var confidential = demo["integrations"]![0]!.DeepClone().AsObject();
        confidential["internalId"] = 2;
        confidential["clientId"] = ConfidentialClient;
        confidential["clientSecret"] = Secret;
        confidential["publicClient"] = false;
        demo["integrations"]!.AsArray().Add(confidential);
    });

    [Fact]
    public async Task System_path_reports_the_account_the_user_picked()
    {
        var url = AuthorizeUrl(accountBase: $"{Server.BaseAddress}system");

        var page = await (await Http.GetAsync(url)).Content.ReadAsStringAsync();
        var query = RedirectQuery(await DecideAsync(url, account: SecondAccount));

        Assert.Contains("Demo Company (7654321)", page, StringComparison.Ordinal);
        Assert.Equal(SecondAccount, query["company"]);
    }

    [Fact]
    public async Task Second_account_is_served_under_its_own_host_label()
    {
        var response = await Http.GetAsync($"{Server.AccountBase(SecondAccount)}/app/bundler/bundledetails.nl?id={BundleId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Confidential_client_refresh_keeps_its_refresh_token()
    {
        var code = RedirectQuery(await DecideAsync(AuthorizeUrl(clientId: ConfidentialClient)))["code"];
        var tokens = await JsonAsync(await BasicTokenRequestAsync(ConfidentialClient, Secret, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = RfcVerifier,
        }), HttpStatusCode.OK);
        var refresh = tokens["refresh_token"]!.GetValue<string>();

        var first = await JsonAsync(await BasicTokenRequestAsync(ConfidentialClient, Secret, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }), HttpStatusCode.OK);
        var second = await BasicTokenRequestAsync(ConfidentialClient, Secret, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });

        Assert.Null(first["refresh_token"]);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var claims = DecodePayload(refresh);
        Assert.Equal(7 * 24 * 3600, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task Confidential_client_with_a_wrong_secret_is_refused()
    {
        var response = await BasicTokenRequestAsync(ConfidentialClient, "wrong", new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "x" });
        Assert.Equal("invalid_client", await OAuthErrorAsync(response, HttpStatusCode.Unauthorized));
    }
}
