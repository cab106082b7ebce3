using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Bot.Tests.Slack.Infrastructure;

namespace Onboarding.Bot.Tests.Operations;

/// <summary>
/// At the bot's own log levels (appsettings.json) the traffic every tenant makes logs nothing while it goes well: a
/// line per turn or per request would be thousands a minute for a vendor with many customers (docs/operations.md, Logs).
/// </summary>
public sealed class QuietLogTests
{
    private static readonly Dictionary<string, string?> NoMonitor = new() { ["Health:Enabled"] = "false" };

    [Fact]
    public async Task A_teams_turn_and_its_reply_log_nothing_at_the_bots_default_levels()
    {
        using var logs = new LogRecorder();
        await using var bed = await BotTestBed.StartAsync(NoMonitor, services => services.AddSingleton<ILoggerProvider>(logs));
        var conversation = bed.Conversation($"a:quiet-{Guid.NewGuid():N}");
        async Task TurnAsync(int replies)
        {
            (await bed.SendAsync(conversation.Message("help"))).EnsureSuccessStatusCode();
            await bed.Connector.WaitForAsync(a => a.ConversationId == conversation.ConversationId, count: replies);
        }

        // The first turn may log what happens once (the first conversation reference, the key ring); the second is routine.
        await TurnAsync(replies: 1);
        var before = logs.Entries.Count;
        await TurnAsync(replies: 2);

        Assert.Empty(Informative(logs, before));
    }

    [Fact]
    public async Task A_slack_turn_and_its_reply_log_nothing_at_the_bots_default_levels()
    {
        using var logs = new LogRecorder();
        await using var host = await SlackBotHost.StartAsync(settings: NoMonitor, configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        async Task TurnAsync(int turn)
        {
            (await host.Requests.PostEventAsync(SlackPayloads.AppMention("help", $"Ev-quiet-{turn}", ts: $"1700000500.00010{turn}"))).EnsureSuccessStatusCode();
            await host.Slack.WaitForMethodAsync("chat.postMessage", count: turn);
        }

        await TurnAsync(1);
        var before = logs.Entries.Count;
        await TurnAsync(2);

        Assert.Empty(Informative(logs, before));
    }

    private static IEnumerable<string> Informative(LogRecorder logs, int skip) =>
        logs.Entries.Skip(skip).Where(l => l.Level >= LogLevel.Information).Select(l => $"{l.Level} {l.Category}[{l.EventId}]: {l.Message}");
}
