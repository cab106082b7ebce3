using System.Net;
using System.Text.Json.Nodes;
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
}
