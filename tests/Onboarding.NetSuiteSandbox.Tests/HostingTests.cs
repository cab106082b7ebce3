using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class HostingTests : SandboxTest
{
    [Fact]
    public async Task Unknown_account_gets_404_with_the_rest_error_envelope()
    {
        var unknown = await Http.PostAsync($"{Server.BaseAddress}9999999-sb9/services/rest/query/v1/suiteql", new StringContent("{}"));
        Assert.Equal("INVALID_ACCOUNT", await RestErrorCodeAsync(unknown, HttpStatusCode.NotFound));
    }

    [Fact]
    public void Account_base_uses_the_lowercase_hyphen_host_label()
    {
        Assert.EndsWith("/1234567-sb1", Server.AccountBase(AccountId).ToString(), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", Server.BaseAddress.Host);
    }

    [Fact]
    public async Task Keys_endpoint_publishes_the_signing_key()
    {
        var keys = await JsonAsync(await Http.GetAsync($"{Base}/services/rest/auth/oauth2/v1/keys"), HttpStatusCode.OK);
        var key = keys["keys"]![0]!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Equal("PS256", key["alg"]!.GetValue<string>());
    }
}

public sealed class TestControlOffTests : SandboxTest
{
    protected override void Configure(SandboxOptions options) => options.EnableTestControl = false;

    [Fact]
    public async Task Test_control_is_absent_unless_enabled()
    {
        var response = await Http.GetAsync($"{Server.BaseAddress}_sandbox/clock");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class StartUpValidationTests
{
    [Fact]
    public async Task Invalid_setting_stops_start_up_with_a_message_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SandboxServer.StartAsync(o => o.ConcurrencyLimit = 0));
        Assert.Contains("Sandbox:ConcurrencyLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_seed_file_stops_start_up_with_a_message_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(o => o.SeedFile = "/nonexistent/seed.json"));
        Assert.Contains("Sandbox:SeedFile", error.Message, StringComparison.Ordinal);
    }
}

public sealed class DataCenterUrlsTests : SandboxTest
{
    [Fact]
    public async Task Known_account_gets_its_sandbox_domains()
    {
        var body = await JsonAsync(await Http.GetAsync($"{Server.BaseAddress}rest/datacenterurls?account={AccountId}"), HttpStatusCode.OK);

        Assert.Equal(Base, body["restDomain"]!.GetValue<string>());
        Assert.Equal(Base, body["webservicesDomain"]!.GetValue<string>());
        Assert.Equal(Base, body["systemDomain"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_account_gets_the_default_domains()
    {
        var body = await JsonAsync(await Http.GetAsync($"{Server.BaseAddress}rest/datacenterurls?account=424242"), HttpStatusCode.OK);
        Assert.Equal("https://system.netsuite.com", body["systemDomain"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_account_and_other_methods_are_refused()
    {
        var missing = await Http.GetAsync($"{Server.BaseAddress}rest/datacenterurls");
        var post = await Http.PostAsync($"{Server.BaseAddress}rest/datacenterurls?account={AccountId}", new StringContent(string.Empty));

        Assert.Contains("You need to provide a proper value for the required field: account", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }
}
