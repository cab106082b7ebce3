using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Bot.Tests.Slack.Infrastructure;

namespace Onboarding.Bot.Tests.Chat;

/// <summary>
/// What a platform was told is accepted is stored first: a command the host did not finish runs after it restarts on the
/// same database, once, and a command that was under way each time the host stopped is given up with an apology.
/// </summary>
public sealed class CommandInboxRestartTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private Dictionary<string, string?> SameDatabase => new() { ["Storage:DatabasePath"] = Path.Combine(_directory.Path, "onboarding.db") };

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_command_left_in_the_inbox_runs_after_the_host_restarts_on_the_same_database()
    {
        await StopWhileRunningAsync("trigger-restart");
        Assert.Equal(1, await InboxCountAsync());

        var engine = new RecordingCommandHandler();
        await using var restarted = await SlackBotHost.StartAsync(engine, SameDatabase);

        var handled = await engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-restart");
        Assert.Equal("status", handled.Verb);
        Assert.Equal("1234567_SB1", handled.Argument);
        Assert.Equal($"slack|{SlackPayloads.TeamId}|{SlackPayloads.ChannelId}", handled.Conversation.ToString());
        Assert.Equal(SlackPayloads.UserId, handled.User.Id);
        Assert.True(handled.IsSharedConversation);
        await InboxEmptiedAsync();
        Assert.Single(engine.Started);
    }

    [Fact]
    public async Task A_retry_of_a_stored_command_after_the_restart_is_not_run_twice()
    {
        await StopWhileRunningAsync("trigger-retried");

        var engine = new RecordingCommandHandler();
        await using var restarted = await SlackBotHost.StartAsync(engine, SameDatabase);
        using var retry = await restarted.Requests.PostCommandAsync("status 1234567_SB1", triggerId: "trigger-retried");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-retried");
        await InboxEmptiedAsync();
        Assert.Single(engine.Started);
    }

    [Fact]
    public async Task A_command_under_way_each_time_the_host_died_is_given_up_with_an_apology()
    {
        await StopWhileRunningAsync("trigger-poison");

        // As if three runs had claimed it and died with it (a stop hands the command back without counting it).
        await ExecuteAsync("UPDATE chat_inbox SET attempts = 3, claimed_by = 'a-dead-instance'");

        var engine = new RecordingCommandHandler();
        await using var restarted = await SlackBotHost.StartAsync(engine, SameDatabase);

        var apology = await restarted.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Shows("Something went wrong on my side"));
        await InboxEmptiedAsync();
        Assert.Empty(engine.Started);
        Assert.Equal(SlackPayloads.ChannelId, Assert.Single(apology).Channel);
    }

    [Fact]
    public async Task A_handled_command_leaves_nothing_in_the_inbox_but_its_delivery_id()
    {
        var engine = new RecordingCommandHandler();
        await using var host = await SlackBotHost.StartAsync(engine, SameDatabase);

        using var ack = await host.Requests.PostCommandAsync("status", triggerId: "trigger-done");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-done");
        await InboxEmptiedAsync();
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM processed_deliveries WHERE delivery_id = 'command/trigger-done'"));
    }

    // Slack is answered, the engine starts on the command and never finishes: the host stops with it still in the inbox.
    private async Task StopWhileRunningAsync(string triggerId)
    {
        var stuck = new RecordingCommandHandler { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var host = await SlackBotHost.StartAsync(stuck, SameDatabase);
        using var ack = await host.Requests.PostCommandAsync("status 1234567_SB1", triggerId: triggerId);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await stuck.WaitForStartedAsync(c => c.DeliveryId == $"command/{triggerId}");
    }

    private Task InboxEmptiedAsync() =>
        Eventually.GetAsync(async () => await InboxCountAsync() == 0 ? "empty" : null, "the inbox to be emptied");

    private Task<long> InboxCountAsync() => CountAsync("SELECT COUNT(*) FROM chat_inbox");

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={SameDatabase["Storage:DatabasePath"]};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
