using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C9: a sandbox refresh clears the certificate mappings and the authorized applications.</summary>
public sealed class C09SandboxRefreshTests : SandboxTest
{
    [Fact]
    public async Task C9_refresh_revokes_every_token_refresh_token_code_and_certificate_mapping_of_the_account()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        var machine = (await JsonAsync(await MintAsync(key, kid), HttpStatusCode.OK))["access_token"]!.GetValue<string>();
        var (access, refresh) = await AdminTokensAsync();
        var pendingCode = await CodeAsync();

        await ControlAsync($"accounts/{AccountId}/refresh");

        Assert.Equal("invalid_client", await OAuthErrorAsync(await MintAsync(key, kid), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SuiteQlAsync(machine, "SELECT companyname FROM companyinformation")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SuiteQlAsync(access, "SELECT companyname FROM companyinformation")).StatusCode);
        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RefreshAsync(refresh), HttpStatusCode.BadRequest));
        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RedeemAsync(pendingCode), HttpStatusCode.BadRequest));
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"{Server.BaseAddress}_sandbox/accounts/{AccountId}/certificates"))!);
    }

    [Fact]
    public async Task C9_after_a_refresh_a_new_consent_and_upload_connect_again()
    {
        using var key = TestKey.Ec();
        await MachineAccessAsync(key);
        await ControlAsync($"accounts/{AccountId}/refresh");
        using var again = TestKey.Ec();

        var kid = await UploadAsync(await AdminTokenAsync(), again);

        Assert.Equal(HttpStatusCode.OK, (await MintAsync(again, kid)).StatusCode);
    }

    [Fact]
    public async Task C9_refresh_leaves_the_other_account_alone()
    {
        var second = BaseOf(SecondAccountId);
        var token = await AdminTokenAsync(accountBase: second);

        await ControlAsync($"accounts/{AccountId}/refresh");

        Assert.Equal(HttpStatusCode.OK, (await SuiteQlOnAsync(second, token, "SELECT companyname FROM companyinformation")).StatusCode);
    }
}

public sealed class C09SandboxRefreshSwitchTests : SandboxTest
{
    public C09SandboxRefreshSwitchTests() => Settings = options => options.Rules.SandboxRefresh = false;

    [Fact]
    public async Task Switch_SandboxRefresh_off_clears_only_the_certificate_mappings()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        var access = await AdminTokenAsync();

        await ControlAsync($"accounts/{AccountId}/refresh");

        Assert.Equal("invalid_client", await OAuthErrorAsync(await MintAsync(key, kid), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(access, "SELECT companyname FROM companyinformation")).StatusCode);
    }
}
