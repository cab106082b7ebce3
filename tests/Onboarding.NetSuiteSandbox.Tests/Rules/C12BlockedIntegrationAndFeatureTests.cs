using System.Net;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C12: a Blocked integration record and switched-off features fail their calls.</summary>
public sealed class C12BlockedIntegrationTests : SandboxTest
{
    [Fact]
    public async Task C12_a_blocked_record_cannot_authorize_refresh_or_call()
    {
        var (access, refresh) = await AdminTokensAsync();

        await ControlAsync($"accounts/{AccountId}/integrations/{ClientId}/block");

        Assert.Equal("unauthorized_client", RedirectQuery(await Http.GetAsync(AuthorizeUrl()))["error"]);
        Assert.Equal("unauthorized_client", await OAuthErrorAsync(await RefreshAsync(refresh), HttpStatusCode.BadRequest));
        Assert.Equal("INVALID_LOGIN", await RestErrorCodeAsync(await SuiteQlAsync(access, "SELECT id FROM role"), HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task C12_a_blocked_machine_record_cannot_mint_until_it_is_enabled_again()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);

        await ControlAsync($"accounts/{AccountId}/integrations/{MachineClientId}/block");
        var blocked = await MintAsync(key, kid);
        await ControlAsync($"accounts/{AccountId}/integrations/{MachineClientId}/enable");

        Assert.Equal("unauthorized_client", await OAuthErrorAsync(blocked, HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.OK, (await MintAsync(key, kid)).StatusCode);
    }
}

public sealed class C12BlockedInTheSeedTests : SandboxTest
{
    public C12BlockedInTheSeedTests() => Seed = new TestSeed(seed => TestSeed.DemoAccount(seed)["integrations"]![0]!["state"] = "Blocked");

    [Fact]
    public async Task C12_a_record_seeded_as_blocked_redirects_with_unauthorized_client()
    {
        var query = RedirectQuery(await Http.GetAsync(AuthorizeUrl()));
        Assert.Equal("unauthorized_client", query["error"]);
    }
}

public sealed class C12BlockedIntegrationsSwitchTests : SandboxTest
{
    public C12BlockedIntegrationsSwitchTests() => Settings = options => options.Rules.BlockedIntegrations = false;

    [Fact]
    public async Task Switch_BlockedIntegrations_off_ignores_the_blocked_state()
    {
        await ControlAsync($"accounts/{AccountId}/integrations/{ClientId}/block");

        var access = await AdminTokenAsync();

        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(access, "SELECT id FROM role")).StatusCode);
    }
}

public sealed class C12FeatureTests : SandboxTest
{
    [Fact]
    public async Task C12_oauth2_feature_off_refuses_authorize_tokens_and_calls()
    {
        var (access, refresh) = await AdminTokensAsync();

        await ControlAsync($"accounts/{AccountId}/features/OAuth2/disable");

        Assert.Equal("unauthorized_client", RedirectQuery(await Http.GetAsync(AuthorizeUrl()))["error"]);
        Assert.Equal("unauthorized_client", await OAuthErrorAsync(await RefreshAsync(refresh), HttpStatusCode.BadRequest));
        Assert.Equal("INVALID_LOGIN", await RestErrorCodeAsync(await SuiteQlAsync(access, "SELECT id FROM role"), HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task C12_rest_web_services_off_refuses_rest_calls_with_401_but_not_restlets()
    {
        await InstallBundleAsync();
        var access = await AdminTokenAsync();

        await ControlAsync($"accounts/{AccountId}/features/RestWebServices/disable");

        Assert.Equal("INVALID_LOGIN", await RestErrorCodeAsync(await SuiteQlAsync(access, "SELECT id FROM role"), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, CertificatesUrl, access)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", access)).StatusCode);
    }

    [Fact]
    public async Task C12_server_suitescript_off_refuses_the_restlet_with_feature_disabled_until_it_is_on_again()
    {
        await InstallBundleAsync();
        var access = await AdminTokenAsync();

        await ControlAsync($"accounts/{AccountId}/features/ServerSuiteScript/disable");
        var off = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", access), HttpStatusCode.BadRequest);
        await ControlAsync($"accounts/{AccountId}/features/ServerSuiteScript/enable");
        var on = await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", access);

        Assert.Equal("FEATURE_DISABLED", off["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
    }

    [Fact]
    public async Task C12_oneworld_cannot_be_switched_by_test_control()
    {
        var response = await Http.PostAsync($"{Server.BaseAddress}_sandbox/accounts/{AccountId}/features/OneWorld/disable", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class C12FeaturesInTheSeedTests : SandboxTest
{
    public C12FeaturesInTheSeedTests() => Seed = new TestSeed(seed => TestSeed.DemoAccount(seed)["features"] = new JsonArray("OneWorld", "OAuth2", "RestWebServices"));

    [Fact]
    public async Task C12_an_account_seeded_without_server_suitescript_refuses_restlets()
    {
        await InstallBundleAsync();
        var body = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", await AdminTokenAsync()), HttpStatusCode.BadRequest);
        Assert.Equal("FEATURE_DISABLED", body["error"]!["code"]!.GetValue<string>());
    }
}

public sealed class C12FeaturesSwitchTests : SandboxTest
{
    public C12FeaturesSwitchTests() => Settings = options => options.Rules.Features = false;

    [Fact]
    public async Task Switch_Features_off_ignores_switched_off_features()
    {
        await InstallBundleAsync();
        var access = await AdminTokenAsync();
        foreach (var feature in new[] { "OAuth2", "RestWebServices", "ServerSuiteScript" })
        {
            await ControlAsync($"accounts/{AccountId}/features/{feature}/disable");
        }

        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(access, "SELECT id FROM role")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", access)).StatusCode);
    }
}

public sealed class SeedValidationTests
{
    [Theory]
    [InlineData("features", "[\"OneWorld\",\"Payroll\"]", "unknown feature 'Payroll'")]
    [InlineData("integrations/0/state", "\"Paused\"", "has state 'Paused'")]
    public async Task A_seed_with_an_unknown_feature_or_integration_state_stops_start_up_naming_it(string path, string value, string expected)
    {
        using var seed = new TestSeed(document =>
        {
            var parts = path.Split('/');
            JsonNode node = TestSeed.DemoAccount(document);
            foreach (var part in parts[..^1])
            {
                node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
            }

            node[parts[^1]] = JsonNode.Parse(value);
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(o => o.SeedFile = seed.FilePath));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
