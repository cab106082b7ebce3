using System.Net;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class RestletTests : SandboxTest
{
    private static readonly JsonObject Fixture =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bundle-check-response.json")))!.AsObject();

    [Fact]
    public async Task Bundle_check_restlet_is_unknown_before_the_bundle_is_installed()
    {
        var response = await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", await AdminTokenAsync());
        var body = await JsonAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("SSS_INVALID_SCRIPTLET_ID", body["error"]!["code"]!.GetValue<string>());
        Assert.Equal("That Suitelet is invalid, disabled, or no longer exists.", body["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Installed_answer_has_the_shape_of_the_shared_fixture()
    {
        await InstallBundleAsync();
        var body = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", await AdminTokenAsync()), HttpStatusCode.OK);

        JsonShape.AssertSameShape(Fixture["installed"], body);
        Assert.True(body["installed"]!.GetValue<bool>());
        Assert.Equal(BundleId, body["bundleId"]!.GetValue<int>());
        Assert.Equal("1.0.0", body["version"]!.GetValue<string>());
        Assert.Equal(AdminEntityId, body["installedBy"]!["id"]!.GetValue<int>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", body["dateInstalled"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_with_a_json_body_and_numeric_ids_answers_too()
    {
        await InstallBundleAsync();
        var url = $"{Base}/app/site/hosting/restlet.nl?script=2001&deploy=1";
        var body = await JsonAsync(await SendAsync(HttpMethod.Post, url, await AdminTokenAsync(), Fixture["request"]!["POST"]!.DeepClone()), HttpStatusCode.OK);

        JsonShape.AssertSameShape(Fixture["installed"], body);
    }

    [Fact]
    public async Task Another_bundle_id_answers_with_the_not_installed_shape()
    {
        await InstallBundleAsync();
        var body = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=42", await AdminTokenAsync()), HttpStatusCode.OK);

        JsonShape.AssertSameShape(Fixture["notInstalled"], body);
        Assert.Equal(42, body["bundleId"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("&bundleId=abc")]
    [InlineData("&bundleId=0")]
    [InlineData("")]
    public async Task Invalid_bundle_id_answers_with_the_fixture_error(string query)
    {
        await InstallBundleAsync();
        var body = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + query, await AdminTokenAsync()), HttpStatusCode.BadRequest);

        Assert.Equal(Fixture["error"]!.ToJsonString(), body.ToJsonString());
    }

    [Fact]
    public async Task Uninstalling_the_bundle_removes_the_restlet()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/bundles/{BundleId}/uninstall");

        var body = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", token), HttpStatusCode.BadRequest);
        Assert.Equal("SSS_INVALID_SCRIPTLET_ID", body["error"]!["code"]!.GetValue<string>());
    }
}

public sealed class BundlePageTests : SandboxTest
{
    [Fact]
    public async Task Bundle_page_shows_an_install_button_until_installed()
    {
        var url = $"{Base}/app/bundler/bundledetails.nl?id={BundleId}";
        var before = await (await Http.GetAsync(url)).Content.ReadAsStringAsync();

        await InstallBundleAsync();
        var after = await (await Http.GetAsync(url)).Content.ReadAsStringAsync();

        Assert.Contains(">Install</button>", before, StringComparison.Ordinal);
        Assert.Contains("Onboarding App", before, StringComparison.Ordinal);
        Assert.DoesNotContain(">Install</button>", after, StringComparison.Ordinal);
        Assert.Contains("Installed", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_bundle_gets_404()
    {
        var response = await Http.GetAsync($"{Base}/app/bundler/bundledetails.nl?id=1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Installing_creates_the_role_with_its_permissions()
    {
        await InstallBundleAsync();
        var account = await Http.GetStringAsync($"{Server.BaseAddress}_sandbox/accounts/{AccountId}");
        var role = JsonNode.Parse(account)!["roles"]!.AsArray().Single(r => r!["id"]!.GetValue<int>() == AppRoleId)!;

        Assert.Equal("customrole_onboarding_app", role["scriptId"]!.GetValue<string>());
        Assert.False(role["webServicesOnly"]!.GetValue<bool>());
        Assert.Equal(
            ["ADMI_COMPANY", "ADMI_LOGIN_OAUTH2", "ADMI_MANAGE_OWN_OAUTH2_CERTS", "ADMI_RESTWEBSERVICES", "[scriptid=customrecord_onboarding_config]"],
            role["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
    }
}
