using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Onboarding.Bot.Health;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Health;

/// <summary><c>GET /healthz</c>: the host's own health for ops — storage reachable, monitor running.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_reports_storage_and_monitor_as_healthy()
    {
        await using var host = BotHost.Start();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await client.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["storage"]!["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["monitor"]!["status"]);
    }

    [Fact]
    public async Task Healthz_tells_a_caller_from_another_machine_each_status_but_not_which_database_or_why()
    {
        var entry = new HealthReportEntry(
            HealthStatus.Unhealthy,
            "PostgreSQL database onboarding on db.internal.example:5432 does not answer: password authentication failed",
            TimeSpan.FromMilliseconds(3),
            exception: null,
            data: new Dictionary<string, object> { ["provider"] = "PostgreSql" });
        var report = new HealthReport(new Dictionary<string, HealthReportEntry> { ["storage"] = entry }, TimeSpan.FromMilliseconds(3));

        var remote = await WrittenAsync(report, IPAddress.Parse("203.0.113.7"));
        var local = JsonNode.Parse(await WrittenAsync(report, IPAddress.IPv6Loopback))!["checks"]!["storage"]!;

        Assert.Equal("""{"status":"Unhealthy","checks":{"storage":{"status":"Unhealthy"}}}""", remote);
        Assert.Equal(entry.Description, (string?)local["description"]);
        Assert.Equal("PostgreSql", (string?)local["data"]!["provider"]);
    }


    [Fact]
    public async Task Healthz_says_so_when_the_monitor_is_switched_off()
    {
        await using var host = BotHost.Start(new Dictionary<string, string?> { ["Health:Enabled"] = "false" });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var report = JsonNode.Parse(await client.GetStringAsync("healthz"))!;

        Assert.Contains("switched off", (string?)report["checks"]!["monitor"]!["description"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Health:CheckInterval", "00:00:01", "Health:CheckInterval")]
    [InlineData("Health:MaxConcurrentChecks", "0", "Health:MaxConcurrentChecks")]
    [InlineData("Health:ExpiryWarningDays", "30,soon", "Health:ExpiryWarningDays")]
    public async Task Bad_health_settings_stop_the_host_at_start_up_naming_the_key(string key, string value, string named)
    {
        var failure = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(
            await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    private static async Task<string> WrittenAsync(HealthReport report, IPAddress caller)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = caller;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await HealthHostingRegistration.WriteAsync(context, report);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }
}
