using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C11: the consent screen lets the user pick another of their roles; the app must not assume Administrator.</summary>
public sealed class C11ConsentRoleTests : SandboxTest
{
    [Fact]
    public async Task C11_consent_page_offers_every_active_role_of_the_signed_in_employee()
    {
        await InstallBundleAsync();

        var page = await (await Http.GetAsync(AuthorizeUrl())).Content.ReadAsStringAsync();

        Assert.Contains("<option value=\"3\">Administrator</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1001\">Onboarding App</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task C11_the_chosen_role_comes_back_in_the_redirect_and_the_token()
    {
        await InstallBundleAsync();

        var query = RedirectQuery(await DecideAsync(AuthorizeUrl(), role: AppRoleId));
        var tokens = await JsonAsync(await RedeemAsync(query["code"]), HttpStatusCode.OK);

        Assert.Equal("1001", query["role"]);
        Assert.Equal("1001;7", DecodePayload(tokens["access_token"]!.GetValue<string>())["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task C11_a_token_for_the_least_privileged_role_cannot_read_roles()
    {
        await InstallBundleAsync();
        var (access, _) = await AdminTokensAsync(role: AppRoleId);

        Assert.Equal(HttpStatusCode.BadRequest, (await SuiteQlAsync(access, "SELECT id FROM role")).StatusCode);
    }
}
