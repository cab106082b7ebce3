using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C2: a role marked "Web Services Only" cannot call RESTlets.</summary>
public sealed class C02WebServicesOnlyRoleTests : SandboxTest
{
    public C02WebServicesOnlyRoleTests() => Seed = WebServicesOnlyAppRole();

    internal static TestSeed WebServicesOnlyAppRole() =>
        new(seed => TestSeed.DemoAccount(seed)["bundles"]![0]!["role"]!["webServicesOnly"] = true);

    [Fact]
    public async Task C2_restlet_call_with_a_web_services_only_role_gets_401_invalid_login_credentials()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var restlet = await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", token);
        var suiteQl = await SuiteQlAsync(token, "SELECT companyname FROM companyinformation");

        var body = await JsonAsync(restlet, HttpStatusCode.Unauthorized);
        Assert.Equal("INVALID_LOGIN_CREDENTIALS", body["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, suiteQl.StatusCode);
    }
}

public sealed class C02DemoAppRoleTests : SandboxTest
{
    [Fact]
    public async Task C2_the_demo_app_role_is_not_web_services_only_so_its_machine_token_calls_the_bundle_check()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var body = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", token), HttpStatusCode.OK);

        Assert.True(body["installed"]!.GetValue<bool>());
    }
}

public sealed class C02WebServicesOnlyRoleSwitchTests : SandboxTest
{
    public C02WebServicesOnlyRoleSwitchTests()
    {
        Seed = C02WebServicesOnlyRoleTests.WebServicesOnlyAppRole();
        Settings = options => options.Rules.WebServicesOnlyRoles = false;
    }

    [Fact]
    public async Task Switch_WebServicesOnlyRoles_off_lets_a_web_services_only_role_call_restlets()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", token)).StatusCode);
    }
}
