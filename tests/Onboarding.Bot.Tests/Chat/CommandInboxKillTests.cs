using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Onboarding.Bot.Tests.Hardening;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Chat;

/// <summary>
/// A crash right after the acknowledgement, with a real process kill: commands Teams was told are accepted — one under way,
/// one not yet started — both run once the host is back on the same database.
/// </summary>
public sealed class CommandInboxKillTests : BotProcessTest
{
    [Fact]
    public async Task Commands_acknowledged_before_a_kill_run_after_the_restart()
    {
        var underWay = new TeamsActivities(Connector.ServiceUrl, "a:kill-under-way");
        var waiting = new TeamsActivities(Connector.ServiceUrl, "a:kill-waiting");
        var bot = await StartBotAsync();

        // One worker, kept busy by a connector that does not answer: the second command is stored and must wait.
        Connector.Hold(underWay.ConversationId);
        await PostAsync(bot, underWay.Message("status"));
        await Connector.WaitForAsync(a => a.ConversationId == underWay.ConversationId);
        await PostAsync(bot, waiting.Message("status"));
        Assert.Equal(2L, await ScalarAsync("SELECT COUNT(*) FROM chat_inbox"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM chat_inbox WHERE claimed_by IS NULL"));

        bot.Kill();
        await bot.DisposeAsync();
        Connector.Release(underWay.ConversationId);
        await using var restarted = await StartBotAsync();

        var reply = await Connector.WaitForAsync(a => a.ConversationId == waiting.ConversationId, timeout: TimeSpan.FromSeconds(120));
        await Connector.WaitForAsync(a => a.ConversationId == underWay.ConversationId, count: 2, timeout: TimeSpan.FromSeconds(120));
        Assert.Single(reply);
        await Eventually.UntilAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM chat_inbox") == 0, "the inbox to be emptied", TimeSpan.FromSeconds(60));
    }

    private Task<BotProcess> StartBotAsync() => BotProcess.StartAsync(Directory, new Dictionary<string, string?>
    {
        ["Health:Enabled"] = "false",
        ["Inbox:WorkerConcurrency"] = "1",
        ["Inbox:Lease"] = "00:00:03",
    });

    private static async Task PostAsync(BotProcess bot, JsonObject activity)
    {
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        using var response = await client.PostAsJsonAsync("api/messages", activity);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Directory.Path, "onboarding.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
