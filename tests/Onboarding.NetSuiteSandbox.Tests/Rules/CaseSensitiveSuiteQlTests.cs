using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>SuiteQL compares strings case-sensitively and returns script ids in upper case.</summary>
public sealed class CaseSensitiveSuiteQlTests : SandboxTest
{
    private const string ByScriptId = "SELECT id, scriptid, name FROM role WHERE scriptid = ?";

    [Fact]
    public async Task CaseSensitiveSuiteQl_script_ids_come_back_upper_case_and_compare_case_sensitively()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();

        var lower = await JsonAsync(await SuiteQlAsync(token, ByScriptId, null, true, "customrole_onboarding_app"), HttpStatusCode.OK);
        var upper = await JsonAsync(await SuiteQlAsync(token, ByScriptId, null, true, "CUSTOMROLE_ONBOARDING_APP"), HttpStatusCode.OK);
        var both = await JsonAsync(await SuiteQlAsync(token, "SELECT id FROM role WHERE UPPER(scriptid) = UPPER(?)", null, true, "customrole_onboarding_app"), HttpStatusCode.OK);

        Assert.Equal(0, lower["count"]!.GetValue<int>());
        var item = Assert.Single(upper["items"]!.AsArray())!;
        Assert.Equal("CUSTOMROLE_ONBOARDING_APP", item["scriptid"]!.GetValue<string>());
        Assert.Equal("1001", item["id"]!.GetValue<string>());
        Assert.Equal("1001", Assert.Single(both["items"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CaseSensitiveSuiteQl_like_is_case_sensitive_too()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();

        var lower = await JsonAsync(await SuiteQlAsync(token, "SELECT id FROM script WHERE scriptid LIKE 'customscript%'"), HttpStatusCode.OK);
        var upper = await JsonAsync(await SuiteQlAsync(token, "SELECT id FROM script WHERE scriptid LIKE 'CUSTOMSCRIPT%'"), HttpStatusCode.OK);

        Assert.Equal(0, lower["count"]!.GetValue<int>());
        Assert.Equal("2001", Assert.Single(upper["items"]!.AsArray())!["id"]!.GetValue<string>());
    }
}

public sealed class CaseSensitiveSuiteQlSwitchTests : SandboxTest
{
    public CaseSensitiveSuiteQlSwitchTests() => Settings = options => options.Rules.CaseSensitiveSuiteQl = false;

    [Fact]
    public async Task Switch_CaseSensitiveSuiteQl_off_finds_script_ids_in_any_case_and_returns_them_as_seeded()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();

        var body = await JsonAsync(await SuiteQlAsync(token, "SELECT scriptid FROM role WHERE scriptid = ?", null, true, "CustomRole_Onboarding_App"), HttpStatusCode.OK);

        Assert.Equal("customrole_onboarding_app", Assert.Single(body["items"]!.AsArray())!["scriptid"]!.GetValue<string>());
    }
}
