using System.Net;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class SuiteQlTests : SandboxTest
{
    [Fact]
    public async Task Missing_prefer_transient_header_is_refused()
    {
        var response = await SuiteQlAsync(await AdminTokenAsync(), "SELECT id FROM role", transient: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonAsync(response, HttpStatusCode.BadRequest))["o:errorDetails"]);
    }

    [Theory]
    [InlineData("?limit=10&offset=5")]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    public async Task Offset_not_divisible_by_limit_or_limit_out_of_range_is_refused(string query)
    {
        var response = await SuiteQlAsync(await AdminTokenAsync(), "SELECT id FROM role", query);
        Assert.Equal("INVALID_PARAMETER", await RestErrorCodeAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Envelope_has_paging_fields_and_string_values_with_nulls_omitted()
    {
        await InstallBundleAsync();
        var body = await JsonAsync(await SuiteQlAsync(await AdminTokenAsync(), "SELECT id, NULL AS missing, COUNT(*) AS Total FROM role GROUP BY id ORDER BY id", "?limit=1&offset=1"), HttpStatusCode.OK);

        Assert.Equal(1, body["count"]!.GetValue<int>());
        Assert.Equal(1, body["offset"]!.GetValue<int>());
        Assert.Equal(2, body["totalResults"]!.GetValue<int>());
        Assert.False(body["hasMore"]!.GetValue<bool>());
        var item = body["items"]![0]!.AsObject();
        Assert.Equal("1001", item["id"]!.GetValue<string>());
        Assert.Equal("1", item["total"]!.GetValue<string>());
        Assert.False(item.ContainsKey("missing"));
        var rels = body["links"]!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).ToList();
        Assert.Contains("self", rels);
        Assert.Contains("prev", rels);
        Assert.DoesNotContain("next", rels);
    }

    [Theory]
    [InlineData("SELECT id, entityid, email FROM employee WHERE id = 7", "entityid", "Pat Admin")]
    [InlineData("SELECT name, country FROM subsidiary", "country", "US")]
    [InlineData("SELECT companyname, basecurrency FROM companyinformation", "basecurrency", "USD")]
    [InlineData("SELECT companyname, timezone FROM companyinformation", "timezone", "Europe/London")]
    public async Task Account_tables_answer_real_queries(string q, string column, string expected)
    {
        var body = await JsonAsync(await SuiteQlAsync(await AdminTokenAsync(), q), HttpStatusCode.OK);
        Assert.Equal(expected, body["items"]![0]![column]!.GetValue<string>());
    }

    [Fact]
    public async Task Configuration_record_rows_are_queryable_after_creation()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();
        var create = await SendAsync(HttpMethod.Post, $"{Base}/services/rest/record/v1/customrecord_onboarding_config", token,
            new JsonObject { ["name"] = "tenant", ["custrecord_onboarding_config_key"] = "tier", ["custrecord_onboarding_config_value"] = "gold" });
        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);

        var body = await JsonAsync(await SuiteQlAsync(token, "SELECT custrecord_onboarding_config_value FROM customrecord_onboarding_config WHERE custrecord_onboarding_config_key = ?", null, true, "tier"), HttpStatusCode.OK);

        Assert.Equal("gold", body["items"]![0]!["custrecord_onboarding_config_value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SELEC id FROM role")]
    [InlineData("SELECT id FROM no_such_table")]
    [InlineData("DELETE FROM role")]
    public async Task Query_it_cannot_run_gets_the_error_envelope(string q)
    {
        var response = await SuiteQlAsync(await AdminTokenAsync(), q);
        Assert.Equal("INVALID_PARAMETER", await RestErrorCodeAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Role_without_rest_web_services_permission_gets_403()
    {
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/roles/3/permissions/remove", new { permission = "REST Web Services" });

        Assert.Equal("INSUFFICIENT_PERMISSION", await RestErrorCodeAsync(await SuiteQlAsync(token, "SELECT id FROM role"), HttpStatusCode.Forbidden));
    }
}
