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
