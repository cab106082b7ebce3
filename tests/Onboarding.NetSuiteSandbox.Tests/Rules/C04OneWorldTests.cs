using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C4: an account without OneWorld has no subsidiary table.</summary>
public sealed class C04OneWorldTests : SandboxTest
{
    [Fact]
    public async Task C4_non_oneworld_account_has_no_subsidiary_table_even_for_the_administrator()
    {
        var second = BaseOf(SecondAccountId);
        var token = await AdminTokenAsync(accountBase: second);

        var detail = await RestErrorDetailAsync(await SuiteQlOnAsync(second, token, "SELECT id FROM subsidiary"), HttpStatusCode.BadRequest);
        var company = await JsonAsync(await SuiteQlOnAsync(second, token, "SELECT companyname FROM companyinformation"), HttpStatusCode.OK);

        Assert.Equal("Invalid search query. Detailed unprocessed description follows. Search error occurred: Record 'subsidiary' was not found.",
            detail["detail"]!.GetValue<string>());
        Assert.Equal("Demo Company", company["items"]![0]!["companyname"]!.GetValue<string>());
    }

    [Fact]
    public async Task C4_oneworld_account_answers_the_same_query()
    {
        var body = await JsonAsync(await SuiteQlAsync(await AdminTokenAsync(), "SELECT id FROM subsidiary"), HttpStatusCode.OK);
        Assert.Equal(1, body["count"]!.GetValue<int>());
    }
}

public sealed class C04OneWorldSwitchTests : SandboxTest
{
    public C04OneWorldSwitchTests() => Settings = options => options.Rules.Features = false;

    [Fact]
    public async Task Switch_Features_off_gives_a_non_oneworld_account_an_empty_subsidiary_table()
    {
        var second = BaseOf(SecondAccountId);
        var body = await JsonAsync(await SuiteQlOnAsync(second, await AdminTokenAsync(accountBase: second), "SELECT id FROM subsidiary"), HttpStatusCode.OK);

        Assert.Equal(0, body["count"]!.GetValue<int>());
    }
}
