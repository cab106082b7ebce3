using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Onboarding.Benchmarks.Measurement;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Slack.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Conversations.Inbox;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Benchmarks.Slack;

/// <summary>
/// (b) Slack slash commands at a steady rate while every command's NetSuite call takes 5 s (the embedded sandbox's
/// latency fault): how long Slack waits for the HTTP acknowledgement.
/// </summary>
public static class SlackAcknowledgementScenario
{
    public const double TargetP99Milliseconds = 100;
    private const int NetSuiteLatencyMs = 5000;

    public static async Task<ResultTable> RunAsync(RunSize size)
    {
        var perSecond = size.Pick(10, 20);
        var seconds = size.Pick(5, 15);

        await using var host = await SlackBotHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Health:Enabled"] = "false" },
            configureServices: services =>
            {
                // The host's own handler (the flow's router) is kept and wrapped.
                var inner = services.Last(d => d.ServiceType == typeof(IChatCommandHandler));
                services.AddSingleton<IChatCommandHandler>(provider => new SlowNetSuiteEngine(
                    (IChatCommandHandler)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(provider)
                        ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!)),
                    provider.GetRequiredService<ISuiteQlClient>()));
            });

        var sandbox = host.Services.GetRequiredService<EmbeddedSandbox>().BaseAddress;
        using (var control = new HttpClient { BaseAddress = sandbox })
        {
            using var fault = await control.PostAsJsonAsync("_sandbox/faults", new { pathPattern = "/*/services/rest/*", latencyMs = NetSuiteLatencyMs });
            fault.EnsureSuccessStatusCode();
        }

        // Warm-up: the first request JITs the endpoints; it is not what Slack sees in steady state.
        (await host.Requests.PostCommandAsync("help", triggerId: "warm-up")).EnsureSuccessStatusCode();

        var acks = new Latencies();
        var refused = 0;
        var sends = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < perSecond * seconds; i++)
        {
            // Open loop: requests leave on schedule whether or not earlier ones were answered, as Slack's would.
            var due = interval * i - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var trigger = $"trigger-{i}";
            sends.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await host.Requests.PostCommandAsync("help", triggerId: trigger);
                var elapsed = Stopwatch.GetElapsedTime(sent);
                lock (acks)
                {
                    acks.Add(elapsed);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        refused++;
                    }
                }
            }));
        }

        await Task.WhenAll(sends);
        Console.WriteLine($"acknowledgements: {acks}; not 200: {refused}");

        var table = new ResultTable("b. Slack ack, NetSuite 5 s");
        table.Report("commands sent", $"{acks.Count} at {perSecond}/s for {seconds} s; NetSuite latency {NetSuiteLatencyMs} ms per call, {host.Services.GetRequiredService<IOptions<InboxOptions>>().Value.WorkerConcurrency} inbox workers");
        table.Report("ack p50", $"{acks.Percentile(50):F2} ms");
        table.Below("ack p99", acks.Percentile(99), TargetP99Milliseconds, " ms");
        table.Report("answers other than 200", refused.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return table;
    }
}
