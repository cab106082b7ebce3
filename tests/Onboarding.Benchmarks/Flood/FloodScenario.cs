using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Benchmarks.Flood;

/// <summary>
/// (h) A flood of <c>help</c> messages at a fixed rate (open loop: they leave on schedule whether or not earlier ones were
/// answered) against the bot's real host process, then the same flood against a bare echo bot in a process of the same
/// shape. Each process runs with the GC settings the bot ships with. Measured per target: answers that reached the
/// connector while the flood lasted (served per second), answers saying "busy", requests that failed, the HTTP answer's
/// latency, and the process's peak resident memory.
/// </summary>
public static class FloodScenario
{
    public const double TargetServedRatio = 0.9;
    public const double TargetBusyShare = 0.01;
    public const double TargetPeakMegabytes = 500;

    public static async Task<ResultTable> RunAsync(RunSize size, string? gcMode)
    {
        var perSecond = size.Pick(200, 500);
        var seconds = size.Pick(5, 30);
        await using var connector = await ConnectorStandIn.StartAsync();
        var gc = GcEnvironment(gcMode);
        using var directory = new TestDirectory();

        Flood bot, echo;
        await using (var botProcess = await ChildProcess.StartAsync(
            typeof(BotOptions).Assembly.Location,
            [
                $"--Storage:DatabasePath={Path.Combine(directory.Path, "onboarding.db")}",
                "--Health:Enabled=false",
            ],
            gc))
        {
            bot = await FloodAsync("bot", botProcess, connector, perSecond, seconds);
        }

        await using (var echoProcess = await ChildProcess.StartAsync(typeof(FloodScenario).Assembly.Location, [EchoHost.Mode], gc))
        {
            echo = await FloodAsync("echo", echoProcess, connector, perSecond, seconds);
        }

        var table = new ResultTable("h. flood of help");
        table.Report("load", $"{perSecond} help/s for {seconds} s, open loop, {Conversations} conversations, at most {MaxConnections} connections; GC: {(gcMode ?? "as shipped (Onboarding.Bot.csproj)")}");
        table.Report("bot: served/s, busy, failed, HTTP p50/p99, peak memory", bot.ToString());
        table.Report("echo bot: served/s, busy, failed, HTTP p50/p99, peak memory", echo.ToString());
        table.AtLeast("bot served/s ÷ echo served/s", bot.ServedPerSecond / echo.ServedPerSecond, TargetServedRatio, "×");
        table.AtMost("share of bot answers saying busy", bot.BusyShare * 100, TargetBusyShare * 100, " %", "F1");
        table.Below("bot peak resident memory", bot.PeakMegabytes, TargetPeakMegabytes, " MB", "F0");
        return table;
    }

    private const int Conversations = 500;

    private const int MaxConnections = 256;

    private static async Task<Flood> FloodAsync(string name, ChildProcess target, ConnectorStandIn connector, int perSecond, int seconds)
    {
        var prefix = $"a:flood-{name}-";
        var chats = Enumerable.Range(0, Conversations).Select(i => new TeamsActivities(connector.ServiceUrl, prefix + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        // As a channel's front door would: a bounded set of kept-alive connections. Unbounded, an overloaded target makes the
        // client open a socket per waiting request until the machine runs out of ports, and the flood measures that instead.
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = MaxConnections })
        {
            BaseAddress = target.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

        // Warm-up outside the measurement: the first turns JIT the paths and store the conversations' references.
        await Task.WhenAll(chats.Take(50).Select(async chat => (await client.PostAsJsonAsync("api/messages", chat.Message("help"))).Dispose()));
        var before = connector.Activities.Count(a => a.ConversationId.StartsWith(prefix, StringComparison.Ordinal));

        var latencies = new Latencies();
        var failed = 0;
        var sends = new ConcurrentBag<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < perSecond * seconds; i++)
        {
            var due = interval * i - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }

            var activity = chats[i % Conversations].Message("help");
            sends.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsJsonAsync("api/messages", activity);
                    var elapsed = Stopwatch.GetElapsedTime(sent);
                    lock (latencies)
                    {
                        latencies.Add(elapsed);
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }

        var window = Stopwatch.GetElapsedTime(started);
        var answeredInWindow = Answers(connector, prefix).Count - before;
        await Task.WhenAll(sends);
        var answers = Answers(connector, prefix).Skip(before).ToList();
        var busy = answers.Count(IsBusy);
        var flood = new Flood(
            (answeredInWindow - BusyAmong(connector, prefix, before, answeredInWindow)) / window.TotalSeconds,
            answers.Count,
            busy,
            failed,
            latencies,
            PeakMemory.MegabytesOf(target.Id));
        Console.WriteLine($"{name}: {flood} ({answers.Count} answers of {perSecond * seconds} sent)");
        return flood;
    }

    private static List<RecordedActivity> Answers(ConnectorStandIn connector, string prefix) =>
        [.. connector.Activities.Where(a => !a.IsUpdate && a.ConversationId.StartsWith(prefix, StringComparison.Ordinal))];

    private static int BusyAmong(ConnectorStandIn connector, string prefix, int skip, int take) =>
        Answers(connector, prefix).Skip(skip).Take(take).Count(IsBusy);

    // The bot's busy answer is plain text ("I'm very busy right now…").
    private static bool IsBusy(RecordedActivity answer) => (answer.Body["text"]?.ToString() ?? string.Empty).Contains("very busy", StringComparison.Ordinal);

    // The same GC for bot and echo: what the bot ships with unless a mode is asked for (runtime knobs, learn.microsoft.com/dotnet/core/runtime-config/garbage-collector).
    private static Dictionary<string, string> GcEnvironment(string? mode) => mode switch
    {
        null => new() { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "1" },
        "server" => new() { ["DOTNET_gcServer"] = "1" },
        "workstation" => new() { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "1" },
        _ => throw new ArgumentException($"--gc must be server or workstation, not {mode}.", nameof(mode)),
    };

    private sealed record Flood(double ServedPerSecond, int Answers, int Busy, int Failed, Latencies Latencies, double PeakMegabytes)
    {
        public double BusyShare => Answers == 0 ? 0 : Busy / (double)Answers;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{ServedPerSecond:F0}/s; busy {Busy} ({BusyShare:P1}); failed {Failed}; p50 {Latencies.Percentile(50):F0} ms, p99 {Latencies.Percentile(99):F0} ms; {PeakMegabytes:F0} MB");
    }
}
