using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C7: a certificate's entity must hold its role, at upload and whenever its tokens are minted or used.</summary>
public sealed class C07EntityMustHoldRoleTests : SandboxTest
{
    private string Unassign => $"accounts/{AccountId}/employees/{AdminEntityId}/roles/{AppRoleId}/unassign";

    private string Assign => $"accounts/{AccountId}/employees/{AdminEntityId}/roles/{AppRoleId}/assign";

    [Fact]
    public async Task C7_upload_for_an_entity_that_does_not_hold_the_role_is_refused()
    {
        await InstallBundleAsync();
        var admin = await AdminTokenAsync();
        await ControlAsync(Unassign);
        using var key = TestKey.Ec();

        var detail = await RestErrorDetailAsync(await UploadAsync(admin, key.CertificatePem, AppRoleId, AdminEntityId), HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_CONTENT", detail["o:errorCode"]!.GetValue<string>());
        Assert.Equal("entity", detail["o:errorPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task C7_minting_is_refused_once_the_assignment_is_gone_and_works_again_once_it_is_back()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);

        await ControlAsync(Unassign);
        var refused = await MintAsync(key, kid);
        await ControlAsync(Assign);
        var accepted = await MintAsync(key, kid);

        Assert.Equal("invalid_client", await OAuthErrorAsync(refused, HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task C7_a_machine_token_stops_working_once_the_assignment_is_gone()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        await ControlAsync(Unassign);

        Assert.Equal("INVALID_LOGIN", await RestErrorCodeAsync(await SuiteQlAsync(token, "SELECT companyname FROM companyinformation"), HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task C7_test_control_shows_the_assignment_in_rolesforsearch()
    {
        await ControlAsync(Unassign);
        var admin = await AdminTokenAsync();

        var body = await JsonAsync(await SuiteQlAsync(admin, "SELECT rolesforsearch FROM employee WHERE id = 7"), HttpStatusCode.OK);

        Assert.Equal("3", body["items"]![0]!["rolesforsearch"]!.GetValue<string>());
    }
}

public sealed class C07EntityMustHoldRoleSwitchTests : SandboxTest
{
    public C07EntityMustHoldRoleSwitchTests() => Settings = options => options.Rules.EntityMustHoldRole = false;

    [Fact]
    public async Task Switch_EntityMustHoldRole_off_maps_and_mints_for_an_entity_without_the_role()
    {
        await InstallBundleAsync();
        await ControlAsync($"accounts/{AccountId}/employees/{AdminEntityId}/roles/{AppRoleId}/unassign");
        using var key = TestKey.Ec();

        var kid = await UploadAsync(await AdminTokenAsync(), key);

        Assert.Equal(HttpStatusCode.OK, (await MintAsync(key, kid)).StatusCode);
    }
}
