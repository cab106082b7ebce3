using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Benchmarks.Turns;

/// <summary>
/// (a) A command turn through CloudAdapter: POST /api/messages with <c>help</c> until its card arrives at the connector
/// stand-in, against <see cref="EchoBot"/> on the same host, interleaved turn by turn so both see the same machine.
/// </summary>
public static class CommandTurnScenario
{
    public const double TargetRatio = 1.3;

    public static async Task<ResultTable> RunAsync(RunSize size)
    {
        var warmup = size.Pick(20, 50);
        var turns = size.Pick(100, 500);

        await using var bed = await BotTestBed.StartAsync(
            new Dictionary<string, string?> { ["Health:Enabled"] = "false" },
            services => services.AddSingleton<IStartupFilter, EchoEndpoint>());
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = bed.Host.BaseAddress };

        var bot = new Latencies();
        var echo = new Latencies();
        for (var i = 0; i < warmup + turns; i++)
        {
            var measured = i >= warmup;
            var botTime = await TurnAsync(bed, client, "api/messages", $"a:bench-bot-{i}", "help");
            var echoTime = await TurnAsync(bed, client, EchoEndpoint.Path.TrimStart('/'), $"a:bench-echo-{i}", "help");
            if (measured)
            {
                bot.Add(botTime);
                echo.Add(echoTime);
            }
        }

        Console.WriteLine($"bot  (help card): {bot}");
        Console.WriteLine($"echo (text):      {echo}");
        var table = new ResultTable("a. command turn");
        table.Report("turns measured (each)", $"{turns} after {warmup} warm-up");
        table.Report("bot `help` p50 / p99", $"{bot.Percentile(50):F2} / {bot.Percentile(99):F2} ms");
        table.Report("echo bot p50 / p99", $"{echo.Percentile(50):F2} / {echo.Percentile(99):F2} ms");
        table.AtMost("p50 ratio bot ÷ echo", bot.Percentile(50) / echo.Percentile(50), TargetRatio, "×");
        table.AtMost("p99 ratio bot ÷ echo", bot.Percentile(99) / echo.Percentile(99), TargetRatio, "×");
        return table;
    }

    // From sending the activity until both its HTTP answer and the reply at the connector stand-in are in. Each turn has
    // its own conversation so its reply is told apart whichever way the bot sends it (inline reply or proactive post).
    private static async Task<TimeSpan> TurnAsync(BotTestBed bed, HttpClient client, string path, string conversationId, string text)
    {
        var activity = bed.Conversation(conversationId).Message(text);
        var started = Stopwatch.GetTimestamp();
        var reply = bed.Connector.WaitForAsync(a => a.ConversationId == conversationId);
        using var response = await client.PostAsJsonAsync(path, activity);
        response.EnsureSuccessStatusCode();
        await reply;
        return Stopwatch.GetElapsedTime(started);
    }
}
