using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// What tests that run the bot as child processes (and kill them) share: a sandbox in the test process with its test
/// control on (so its accounts and certificates outlive any bot process), the connector stand-in the bots post to, and
/// the sandbox's control client for faults and inspection.
/// </summary>
public sealed class ProcessBed : IAsyncDisposable
{
    private ProcessBed(SandboxServer sandbox, ConnectorStandIn connector)
    {
        Sandbox = sandbox;
        Connector = connector;
        Control = new HttpClient { BaseAddress = sandbox.BaseAddress };
    }

    public SandboxServer Sandbox { get; }

    public ConnectorStandIn Connector { get; }

    public HttpClient Control { get; }

    public static async Task<ProcessBed> StartAsync()
    {
        var sandbox = await SandboxServer.StartAsync(options =>
        {
            options.EnableTestControl = true;
            options.AllowLoopbackHttpRedirects = true;
        });
        return new ProcessBed(sandbox, await ConnectorStandIn.StartAsync());
    }

    /// <summary>Posts an activity to a bot process's <c>/api/messages</c> and expects it accepted.</summary>
    public static async Task PostAsync(BotProcess bot, JsonObject activity)
    {
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        using var response = await client.PostAsJsonAsync("api/messages", activity);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
    }

    /// <summary>The latest update of <paramref name="card"/> that matches.</summary>
    public async Task<RecordedActivity> CardShowingAsync(RecordedActivity card, Func<RecordedActivity, bool> match, TimeSpan? timeout = null) =>
        (await Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == card.AssignedId && match(a), timeout: timeout)).Last();

    public async Task AddFaultAsync(JsonObject fault)
    {
        using var response = await Control.PostAsJsonAsync("_sandbox/faults", fault);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Control.DeleteAsync("_sandbox/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A fault is used up the moment its request arrives and starts waiting; then the bot is mid-call.</summary>
    public async Task FaultsUsedUpAsync()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var faults = (await Control.GetFromJsonAsync<JsonArray>("_sandbox/faults", cancellation.Token))!;
            if (faults.All(f => f?["remaining"]?.GetValue<int?>() is null or 0))
            {
                return;
            }

            await Task.Delay(100, cancellation.Token);
        }
    }

    /// <summary>The certificates NetSuite holds for the account (host label, e.g. <c>1234567-sb1</c>).</summary>
    public async Task<JsonArray> CertificatesAsync(string hostLabel) =>
        (await Control.GetFromJsonAsync<JsonArray>($"_sandbox/accounts/{hostLabel}/certificates"))!;

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await Connector.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
