using System.Net;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C3: SuiteQL and the record API need the record's permission; unknown columns and fields are refused.</summary>
public sealed class C03RecordPermissionTests : SandboxTest
{
    private const string SearchError = "Invalid search query. Detailed unprocessed description follows. Search error occurred: ";

    [Fact]
    public async Task C3_suiteql_on_the_role_table_without_manage_roles_answers_400_record_not_found()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var body = await JsonAsync(await SuiteQlAsync(token, "SELECT id FROM role WHERE UPPER(scriptid) = UPPER(?)", null, true, "customrole_onboarding_app"), HttpStatusCode.BadRequest);

        Assert.Equal(
            JsonNode.Parse("""
                {"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Bad Request","status":400,
                 "o:errorDetails":[{"detail":"Invalid search query. Detailed unprocessed description follows. Search error occurred: Record 'role' was not found.",
                                    "o:errorCode":"INVALID_PARAMETER","o:errorQueryParam":"q"}]}
                """)!.ToJsonString(),
            body.ToJsonString());
    }

    [Theory]
    [InlineData("SELECT id FROM role", "role")]
    [InlineData("SELECT rolesforsearch FROM employee WHERE id = 7", "employee")]
    [InlineData("SELECT id FROM subsidiary", "subsidiary")]
    [InlineData("SELECT id FROM script", "script")]
    [InlineData("SELECT c.companyname FROM companyinformation c JOIN employee e ON e.id = 7", "employee")]
    [InlineData("SELECT COUNT(*) AS n FROM role", "role")]
    public async Task C3_the_kits_app_role_cannot_read_what_it_holds_no_permission_for(string q, string table)
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var detail = await RestErrorDetailAsync(await SuiteQlAsync(token, q), HttpStatusCode.BadRequest);

        Assert.Equal($"{SearchError}Record '{table}' was not found.", detail["detail"]!.GetValue<string>());
        Assert.Equal("INVALID_PARAMETER", detail["o:errorCode"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SELECT companyname, timezone FROM companyinformation")]
    [InlineData("SELECT id, custrecord_onboarding_config_key FROM customrecord_onboarding_config")]
    public async Task C3_the_kits_app_role_reads_company_information_and_its_own_record(string q)
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(token, q)).StatusCode);
    }

    [Fact]
    public async Task C3_granting_the_permission_opens_the_table()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);
        var before = await SuiteQlAsync(token, "SELECT id FROM role");

        await ControlAsync($"accounts/{AccountId}/roles/{AppRoleId}/permissions/add", new { permission = "ADMI_MANAGEROLES" });
        var after = await SuiteQlAsync(token, "SELECT id FROM role");

        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("SELECT id, scriptid FROM role")]
    [InlineData("SELECT id, rolesforsearch FROM employee")]
    [InlineData("SELECT id FROM subsidiary")]
    [InlineData("SELECT id, scriptid, scripttype FROM script")]
    [InlineData("SELECT companyname FROM companyinformation")]
    [InlineData("SELECT id FROM customrecord_onboarding_config")]
    public async Task C3_the_administrator_reads_every_table(string q)
    {
        await InstallBundleAsync();
        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(await AdminTokenAsync(), q)).StatusCode);
    }

    [Fact]
    public async Task C3_employee_rolesforsearch_lists_the_employees_role_ids()
    {
        var body = await JsonAsync(await SuiteQlAsync(await AdminTokenAsync(), "SELECT rolesforsearch FROM employee WHERE id = ?", null, true, "7"), HttpStatusCode.OK);
        Assert.Equal("3, 1001", body["items"]![0]!["rolesforsearch"]!.GetValue<string>());
    }

    [Fact]
    public async Task C3_unknown_column_answers_400_unknown_identifier()
    {
        await InstallBundleAsync();
        var response = await SuiteQlAsync(await AdminTokenAsync(), "SELECT custrecord_onboarding_key FROM customrecord_onboarding_config");

        var detail = await RestErrorDetailAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal($"{SearchError}Unknown identifier 'custrecord_onboarding_key'.", detail["detail"]!.GetValue<string>());
        Assert.Equal("q", detail["o:errorQueryParam"]!.GetValue<string>());
    }

    [Fact]
    public async Task C3_the_record_types_own_permission_list_is_enough()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);
        await ControlAsync($"accounts/{AccountId}/roles/{AppRoleId}/permissions/remove", new { permission = "[scriptid=customrecord_onboarding_config]" });

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, RecordUrl, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(token, "SELECT id FROM customrecord_onboarding_config")).StatusCode);
    }

    [Fact]
    public async Task C3_record_api_refuses_a_field_the_record_type_does_not_have()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var response = await SendAsync(HttpMethod.Post, RecordUrl, token,
            new JsonObject { ["name"] = "tier", ["custrecord_onboarding_key"] = "tier", ["custrecord_onboarding_value"] = "gold" });
        var list = await JsonAsync(await SendAsync(HttpMethod.Get, RecordUrl, token), HttpStatusCode.OK);

        var detail = await RestErrorDetailAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_CONTENT", detail["o:errorCode"]!.GetValue<string>());
        Assert.Equal("custrecord_onboarding_key", detail["o:errorPath"]!.GetValue<string>());
        Assert.Equal(0, list["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task C3_record_api_takes_the_kits_field_ids_with_the_machine_token()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var create = await SendAsync(HttpMethod.Post, RecordUrl, token, new JsonObject
        {
            ["name"] = "sync.startDate",
            ["custrecord_onboarding_config_key"] = "sync.startDate",
            ["custrecord_onboarding_config_value"] = "2026-01-01",
            ["custrecord_onboarding_config_description"] = "First day to sync",
        });

        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
    }
}

/// <summary>A custom record type reached through neither the role's permission nor the type's permission list.</summary>
public sealed class C03CustomRecordWithoutAccessTests : SandboxTest
{
    public C03CustomRecordWithoutAccessTests() => Seed = new TestSeed(seed =>
    {
        var bundle = TestSeed.DemoAccount(seed)["bundles"]![0]!;
        bundle["customRecordType"]!["permittedRoles"] = new JsonArray();
        bundle["role"]!["permissions"] = new JsonArray("ADMI_LOGIN_OAUTH2", "ADMI_RESTWEBSERVICES", "ADMI_MANAGE_OWN_OAUTH2_CERTS", "ADMI_COMPANY");
    });

    [Fact]
    public async Task C3_custom_record_without_its_permission_is_not_found_in_suiteql_and_forbidden_in_the_record_api()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var query = await RestErrorDetailAsync(await SuiteQlAsync(token, "SELECT id FROM customrecord_onboarding_config"), HttpStatusCode.BadRequest);
        var record = await SendAsync(HttpMethod.Get, RecordUrl, token);

        Assert.EndsWith("Record 'customrecord_onboarding_config' was not found.", query["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("INSUFFICIENT_PERMISSION", await RestErrorCodeAsync(record, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task C3_the_permission_on_the_role_is_enough()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);
        await ControlAsync($"accounts/{AccountId}/roles/{AppRoleId}/permissions/add", new { permission = "[scriptid=customrecord_onboarding_config]" });

        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(token, "SELECT id FROM customrecord_onboarding_config")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, RecordUrl, token)).StatusCode);
    }
}

public sealed class C03RecordPermissionSwitchTests : SandboxTest
{
    public C03RecordPermissionSwitchTests() => Settings = options => options.Rules.RecordPermissions = false;

    [Fact]
    public async Task Switch_RecordPermissions_off_lets_the_app_role_read_the_role_table()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var body = await JsonAsync(await SuiteQlAsync(token, "SELECT id FROM role WHERE id = ?", null, true, "1001"), HttpStatusCode.OK);

        Assert.Equal(1, body["count"]!.GetValue<int>());
    }
}

public sealed class C03UnknownFieldsSwitchTests : SandboxTest
{
    public C03UnknownFieldsSwitchTests() => Settings = options => options.Rules.UnknownFields = false;

    [Fact]
    public async Task Switch_UnknownFields_off_drops_an_unknown_field_and_creates_the_record()
    {
        using var key = TestKey.Ec();
        var token = await MachineTokenAsync(key);

        var create = await SendAsync(HttpMethod.Post, RecordUrl, token, new JsonObject { ["name"] = "tier", ["custrecord_onboarding_value"] = "gold" });
        var record = await JsonAsync(await SendAsync(HttpMethod.Get, create.Headers.Location!.ToString(), token), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
        Assert.Equal("tier", record["name"]!.GetValue<string>());
        Assert.False(record.ContainsKey("custrecord_onboarding_value"));
    }
}
