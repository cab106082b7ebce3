using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Onboarding.Bot.Slack.Outbox;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Bot.Tests.Slack.Infrastructure;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>What Slack was told is accepted is stored first: a command the host did not finish runs after it restarts.</summary>
public sealed class SlackOutboxTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private Dictionary<string, string?> SameDatabase => new() { ["Storage:DatabasePath"] = Path.Combine(_directory.Path, "onboarding.db") };

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_command_left_in_the_outbox_runs_after_the_host_restarts_on_the_same_database()
    {
        await StopWhileRunningAsync("trigger-restart");
        Assert.Equal(1, await OutboxCountAsync());

        var engine = new RecordingCommandHandler();
        await using var restarted = await SlackBotHost.StartAsync(engine, SameDatabase);

        var handled = await engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-restart");
        Assert.Equal("status", handled.Verb);
        Assert.Equal("1234567_SB1", handled.Argument);
        Assert.Equal($"slack|{SlackPayloads.TeamId}|{SlackPayloads.ChannelId}", handled.Conversation.ToString());
        Assert.Equal(SlackPayloads.UserId, handled.User.Id);
        Assert.True(handled.IsSharedConversation);
        await OutboxEmptiedAsync();
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
        await OutboxEmptiedAsync();
        Assert.Single(engine.Started);
    }

    [Fact]
    public async Task A_command_under_way_each_time_the_host_stopped_is_given_up()
    {
        await StopWhileRunningAsync("trigger-poison");
        await ExecuteAsync($"UPDATE slack_outbox SET attempts = {SlackCommandWorker.MaxAttempts.ToString(CultureInfo.InvariantCulture)}");

        var engine = new RecordingCommandHandler();
        await using var restarted = await SlackBotHost.StartAsync(engine, SameDatabase);

        await OutboxEmptiedAsync();
        Assert.Empty(engine.Started);
    }

    [Fact]
    public async Task A_handled_command_leaves_nothing_in_the_outbox()
    {
        var engine = new RecordingCommandHandler();
        await using var host = await SlackBotHost.StartAsync(engine, SameDatabase);

        using var ack = await host.Requests.PostCommandAsync("help", triggerId: "trigger-done");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-done");
        await OutboxEmptiedAsync();
    }

    // Slack is answered, the engine starts on the command and never finishes: the host stops with it still in the outbox.
    private async Task StopWhileRunningAsync(string triggerId)
    {
        var stuck = new RecordingCommandHandler { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var host = await SlackBotHost.StartAsync(stuck, SameDatabase);
        using var ack = await host.Requests.PostCommandAsync("status 1234567_SB1", triggerId: triggerId);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await stuck.WaitForStartedAsync(c => c.DeliveryId == $"command/{triggerId}");
    }

    private Task OutboxEmptiedAsync() =>
        Eventually.GetAsync(async () => await OutboxCountAsync() == 0 ? "empty" : null, "the outbox to be emptied");

    private async Task<long> OutboxCountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM slack_outbox";
        return (long)(await command.ExecuteScalarAsync())!;
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
