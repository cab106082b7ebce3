using System.Net;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class RecordTests : SandboxTest
{
    [Fact]
    public async Task Created_record_can_be_read_back_and_listed()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();

        var create = await SendAsync(HttpMethod.Post, RecordUrl, token, new JsonObject { ["name"] = "region", ["custrecord_onboarding_config_value"] = "eu" });
        var location = create.Headers.Location!.ToString();
        var record = await JsonAsync(await SendAsync(HttpMethod.Get, location, token), HttpStatusCode.OK);
        var list = await JsonAsync(await SendAsync(HttpMethod.Get, RecordUrl, token), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
        Assert.StartsWith(RecordUrl + "/", location, StringComparison.Ordinal);
        Assert.Equal("region", record["name"]!.GetValue<string>());
        Assert.Equal("eu", record["custrecord_onboarding_config_value"]!.GetValue<string>());
        Assert.False(record.ContainsKey("custrecord_onboarding_config_key"));
        Assert.Equal(1, list["totalResults"]!.GetValue<int>());
        Assert.Equal(record["id"]!.GetValue<string>(), list["items"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Record_type_is_unknown_before_the_bundle_is_installed()
    {
        var response = await SendAsync(HttpMethod.Get, RecordUrl, await AdminTokenAsync());
        Assert.Equal("NONEXISTENT_ID", await RestErrorCodeAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Missing_record_gets_404()
    {
        await InstallBundleAsync();
        var response = await SendAsync(HttpMethod.Get, RecordUrl + "/999", await AdminTokenAsync());
        Assert.Equal("NONEXISTENT_ID", await RestErrorCodeAsync(response, HttpStatusCode.NotFound));
    }
}
