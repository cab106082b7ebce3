using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Tests.TestDoubles;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class NetSuiteCookiesTests
{
    // Two tenants whose NetSuite URLs share a host, as every account's do on the sandbox: whatever one's answer sets must
    // not travel with the other's request (nor with its own next one: the calls need no session).
    [Fact]
    public async Task A_cookie_one_tenants_answer_sets_is_never_sent_again()
    {
        var cookiesSent = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapPost("/{account}/services/rest/query/v1/suiteql", (HttpContext http) =>
        {
            cookiesSent.Enqueue(http.Request.Headers.Cookie.ToString());
            http.Response.Headers.SetCookie = $"NS_ROUTING_VERSION={http.Request.RouteValues["account"]}; Path=/";
            return Results.Text("""{"links":[],"count":1,"hasMore":false,"items":[{"links":[],"id":"1"}],"offset":0,"totalResults":1}""", "application/json");
        });
        await app.StartAsync();
        var root = app.Urls.Single();
        using var clients = new NetSuiteTestHost(primaryHandler: null, new Dictionary<string, string?> { ["NetSuite:SuiteTalkBaseUrl"] = root + "/{account}" }, fakeTime: false);
        var suiteQl = clients.Get<ISuiteQlClient>();

        foreach (var account in new[] { "1111111", "2222222", "1111111" })
        {
            var page = await suiteQl.QueryAsync(AccountId.Parse(account), new BearerToken("token-" + account), "SELECT id FROM customrecord_kit", null, CancellationToken.None, limit: 1);
            Assert.True(page.IsSuccess, page.Error?.ToString());
        }

        await app.StopAsync();
        Assert.Equal(["", "", ""], cookiesSent);
    }
}
