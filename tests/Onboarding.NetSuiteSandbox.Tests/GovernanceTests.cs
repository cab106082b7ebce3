using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class GovernanceTests : SandboxTest
{
    [Fact]
    public async Task Rest_beyond_the_concurrency_limit_gets_429_concurrency_limit_exceeded()
    {
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/concurrency/hold", new { slots = 5 });

        var response = await SuiteQlAsync(token, "SELECT id FROM role");
        var body = await JsonAsync(response, (HttpStatusCode)429);

        Assert.Equal("Bad Request", body["title"]!.GetValue<string>());
        Assert.Equal("USER_ERROR", body["o:errorCode"]!.GetValue<string>());
        Assert.Equal("CONCURRENCY_LIMIT_EXCEEDED", body["o:errorDetails"]![0]!["o:errorCode"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Restlet_beyond_the_concurrency_limit_gets_400_sss_request_limit_exceeded()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/concurrency/hold", new { slots = 5 });

        var body = await JsonAsync(await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", token), HttpStatusCode.BadRequest);

        Assert.Equal("SSS_REQUEST_LIMIT_EXCEEDED", body["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Released_slots_admit_requests_again()
    {
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/concurrency/hold", new { slots = 5 });
        await ControlAsync($"accounts/{AccountId}/concurrency/release", new { slots = 1 });

        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(token, "SELECT id FROM role")).StatusCode);
    }

    [Fact]
    public async Task Injected_fault_answers_its_status_for_its_count_then_stops()
    {
        var token = await AdminTokenAsync();
        await ControlAsync("faults", new { pathPattern = "*/query/v1/suiteql", status = 503, count = 1 });

        var faulted = await SuiteQlAsync(token, "SELECT id FROM role");
        var next = await SuiteQlAsync(token, "SELECT id FROM role");

        Assert.Equal("UNEXPECTED_ERROR", await RestErrorCodeAsync(faulted, HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Injected_fault_on_the_token_endpoint_answers_an_oauth_error()
    {
        await ControlAsync("faults", new { pathPattern = "*/auth/oauth2/v1/token", method = "POST", status = 500 });

        var response = await RedeemAsync("any");

        Assert.Equal("server_error", await OAuthErrorAsync(response, HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task Latency_only_fault_delays_but_does_not_fail_the_request()
    {
        var token = await AdminTokenAsync();
        await ControlAsync("faults", new { pathPattern = "*/suiteql", latencyMs = 10, count = 1 });

        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(token, "SELECT id FROM role")).StatusCode);
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"{Server.BaseAddress}_sandbox/faults"))!);
    }

    [Fact]
    public async Task Faults_can_be_listed_and_cleared()
    {
        await ControlAsync("faults", new { pathPattern = "*", latencyMs = 1 });
        var listed = await Http.GetFromJsonAsync<JsonArray>($"{Server.BaseAddress}_sandbox/faults");

        var cleared = await Http.DeleteAsync($"{Server.BaseAddress}_sandbox/faults");

        Assert.Single(listed!);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"{Server.BaseAddress}_sandbox/faults"))!);
    }

    [Fact]
    public async Task Control_lists_certificates_across_the_account()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);

        var list = await Http.GetFromJsonAsync<JsonArray>($"{Server.BaseAddress}_sandbox/accounts/{AccountId}/certificates");
        await ControlAsync($"accounts/{AccountId}/certificates/{kid}/revoke");
        var after = await Http.GetFromJsonAsync<JsonArray>($"{Server.BaseAddress}_sandbox/accounts/{AccountId}/certificates");

        Assert.Equal(kid, list![0]!["certificate_id"]!.GetValue<string>());
        Assert.Equal(MachineClientId, list[0]!["client_id"]!.GetValue<string>());
        Assert.True(after![0]!["revoked"]!.GetValue<bool>());
    }
}

public sealed class RetryAfterTests : SandboxTest
{
    protected override void Configure(SandboxOptions options)
    {
        base.Configure(options);
        options.SendRetryAfter = true;
        options.RestletConcurrencyStatus = 429;
    }

    [Fact]
    public async Task Switches_add_retry_after_and_make_restlets_answer_429()
    {
        await InstallBundleAsync();
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/concurrency/hold", new { slots = 5 });

        var response = await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", token);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
    }
}
