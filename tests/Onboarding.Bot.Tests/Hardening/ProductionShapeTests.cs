using System.Net;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// With <c>NetSuite:Mode=NetSuite</c> the NetSuite sandbox is not in the process: it never starts (so nothing listens
/// but the host), refuses to be started, and its <c>/_sandbox</c> test-control API answers nowhere.
/// </summary>
public sealed class ProductionShapeTests
{
    private static readonly Dictionary<string, string?> RealNetSuite = new()
    {
        ["NetSuite:Mode"] = "NetSuite",
        ["NetSuite:ClientId"] = "vendor-client",
        ["Health:Enabled"] = "false",
    };

    [LinuxProcFact]
    public async Task With_real_NetSuite_the_host_process_listens_only_on_its_own_port_and_has_no_sandbox_api()
    {
        using var directory = new TestDirectory();
        await using var bot = await BotProcess.StartAsync(directory, RealNetSuite);
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };

        using var faults = await client.GetAsync("_sandbox/faults");
        using var control = await client.PostAsync("_sandbox/clock/advance", new StringContent("{}"));

        Assert.Equal([bot.BaseAddress.Port], ListeningSockets.PortsOf(bot.ProcessId));
        Assert.Equal(HttpStatusCode.NotFound, faults.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, control.StatusCode);
        Assert.DoesNotContain(bot.Output, line => line.Contains("NetSuite sandbox running", StringComparison.Ordinal));
    }

    [LinuxProcFact]
    public async Task In_sandbox_mode_the_same_check_sees_the_sandbox_listening_beside_the_host()
    {
        using var directory = new TestDirectory();
        await using var bot = await BotProcess.StartAsync(directory, new Dictionary<string, string?> { ["NetSuite:Mode"] = "Sandbox", ["Health:Enabled"] = "false" });

        Assert.Equal(2, ListeningSockets.PortsOf(bot.ProcessId).Count);
    }

    [Fact]
    public void With_real_NetSuite_the_sandbox_refuses_to_start()
    {
        using var host = BotHost.Start(RealNetSuite);
        var sandbox = host.Services.GetRequiredService<EmbeddedSandbox>();

        var refusal = Assert.Throws<InvalidOperationException>(() => sandbox.BaseAddress);

        Assert.Contains("NetSuite:Mode", refusal.Message, StringComparison.Ordinal);
        Assert.False(sandbox.IsStarted);
    }
}
