using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Conversations.Inbox;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Onboarding;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Conversations;

/// <summary>The one failure policy of both channels: retries with back-off, an attempt cap, and one apology when it is reached.</summary>
public sealed class CommandInboxWorkerTests
{
    private static readonly InboxOptions Fast = new()
    {
        MaxAttempts = 3,
        RetryDelay = TimeSpan.FromMilliseconds(100),
        PollInterval = TimeSpan.FromMilliseconds(50),
        Lease = TimeSpan.FromSeconds(30),
    };

    [SkippableTheory]
    [StorageProviders]
    public async Task A_command_that_keeps_failing_is_tried_up_to_the_cap_then_the_person_is_told_once(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var handler = new ScriptedHandler(_ => throw new TimeoutException("NetSuite took too long"));
        var publisher = new RecordingPublisher();
        var command = CommandInboxTests.Command("status", "activity-1");

        await RunWorkerUntilEmptyAsync(temp, handler, publisher, command);

        Assert.Equal(3, handler.Runs);
        var apology = Assert.Single(publisher.Messages(command.Conversation));
        AssertApology(apology);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_command_that_fails_once_succeeds_on_its_retry_and_nobody_is_told_of_the_failure(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var handler = new ScriptedHandler(run => run == 1 ? throw new HttpRequestException("connector unreachable") : Task.CompletedTask);
        var publisher = new RecordingPublisher();
        var command = CommandInboxTests.Command("status", "activity-1");

        await RunWorkerUntilEmptyAsync(temp, handler, publisher, command);

        Assert.Equal(2, handler.Runs);
        Assert.Empty(publisher.All);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_command_for_a_conversation_the_bot_was_removed_from_is_not_retried(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var command = CommandInboxTests.Command("status", "activity-1");
        var handler = new ScriptedHandler(_ => throw new ConversationGoneException(command.Conversation, "403 Forbidden"));
        var publisher = new RecordingPublisher();

        await RunWorkerUntilEmptyAsync(temp, handler, publisher, command);

        Assert.Equal(1, handler.Runs);
        Assert.Empty(publisher.All);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_command_under_way_each_time_its_instance_died_is_given_up_without_running_again(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var handler = new ScriptedHandler(_ => Task.CompletedTask);
        var publisher = new RecordingPublisher();
        var command = CommandInboxTests.Command("onboard", "activity-1");
        await CommandInboxTests.Inbox(temp.Database, "earlier", TimeProvider.System).AcceptAsync(command, CancellationToken.None);

        // Three instances claimed it and died with it: attempts counted, lease long over.
        await StorageTransaction.WriteAsync(temp.Database, w => w.ExecuteAsync(
            "UPDATE chat_inbox SET attempts = 3, claimed_by = 'dead-instance', available_at = @past",
            new { past = StoredTime.Format(DateTimeOffset.UtcNow.AddMinutes(-1)) },
            CancellationToken.None), CancellationToken.None);
        await RunWorkerUntilEmptyAsync(temp, handler, publisher, command: null);

        Assert.Equal(0, handler.Runs);
        AssertApology(Assert.Single(publisher.Messages(command.Conversation)));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task One_workspaces_slow_commands_leave_workers_free_for_another_workspaces(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var settings = new InboxOptions { WorkerConcurrency = 4, MaxAttempts = Fast.MaxAttempts, RetryDelay = Fast.RetryDelay, PollInterval = Fast.PollInterval, Lease = Fast.Lease };
        var inbox = CommandInboxTests.Inbox(temp.Database, "worker", TimeProvider.System, settings);
        var handler = new GatedHandler(slow: "noisy");
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(InboxOutcome.Accepted, await inbox.AcceptAsync(CommandInboxTests.Command("status", $"noisy-{i}", $"a:noisy-{i}", workspace: "noisy"), CancellationToken.None));
        }

        await using var services = new ServiceCollection().AddSingleton<IChatCommandHandler>(handler).BuildServiceProvider();
        using var worker = new CommandInboxWorker(
            inbox, services.GetRequiredService<IServiceScopeFactory>(), new ChatViews(new RecordingPublisher(), new ConversationLocales(temp.Database, TimeProvider.System)), Options.Create(settings), TimeProvider.System, NullLogger<CommandInboxWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // The noisy workspace's commands hang (its NetSuite account timing out): they take three of the four workers.
            await Eventually.UntilAsync(() => handler.Running("noisy") >= 3, "the noisy workspace's commands running");
            Assert.Equal(InboxOutcome.Accepted, await inbox.AcceptAsync(CommandInboxTests.Command("status", "quiet-1", "a:quiet-1", workspace: "quiet"), CancellationToken.None));

            // The quiet workspace's command runs now, not once a noisy one gives up.
            await Eventually.UntilAsync(() => handler.Finished("quiet") == 1, "the quiet workspace's command run beside the hanging ones");
            Assert.Equal((3, 3), (handler.Running("noisy"), handler.MostAtOnce("noisy")));

            handler.Open();
            await Eventually.UntilAsync(async () => Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM chat_inbox"), CultureInfo.InvariantCulture) == 0, "the inbox emptied");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal((8, 3), (handler.Finished("noisy"), handler.MostAtOnce("noisy")));
    }

    // The apology in the conversation's language (English here: the conversation told none).
    private static void AssertApology(Engine.Views.StepView shown)
    {
        var expected = CommandApology.View(Wording.English);
        Assert.Equal((expected.Title, expected.Summary, expected.Tone, Wording.English.Language), (shown.Title, shown.Summary, shown.Tone, shown.Language));
        Assert.Equal(expected.Body, shown.Body);
    }

    private static async Task RunWorkerUntilEmptyAsync(TemporaryDatabase temp, ScriptedHandler handler, RecordingPublisher publisher, ChatCommand? command)
    {
        var inbox = CommandInboxTests.Inbox(temp.Database, "worker", TimeProvider.System, Fast);
        if (command is not null)
        {
            Assert.Equal(InboxOutcome.Accepted, await inbox.AcceptAsync(command, CancellationToken.None));
        }

        await using var services = new ServiceCollection().AddSingleton<IChatCommandHandler>(handler).BuildServiceProvider();
        using var worker = new CommandInboxWorker(
            inbox, services.GetRequiredService<IServiceScopeFactory>(), new ChatViews(publisher, new ConversationLocales(temp.Database, TimeProvider.System)), Options.Create(Fast), TimeProvider.System, NullLogger<CommandInboxWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM chat_inbox"), CultureInfo.InvariantCulture) > 0)
            {
                await Task.Delay(20, guard.Token);
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Runs <c>behaviour(run number)</c> for each command it is handed, counting the runs.</summary>
    private sealed class ScriptedHandler(Func<int, Task> behaviour) : IChatCommandHandler
    {
        private int _runs;

        public int Runs => _runs;

        public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken) => behaviour(Interlocked.Increment(ref _runs));
    }

    /// <summary>Holds the commands of the <paramref name="slow"/> workspace until <see cref="Open"/>; counts, per workspace, the commands running, the most at once and those finished.</summary>
    private sealed class GatedHandler(string slow) : IChatCommandHandler
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, (int Running, int Most, int Finished)> _counts = new();

        public int Running(string workspace) => _counts.GetValueOrDefault(workspace).Running;

        public int MostAtOnce(string workspace) => _counts.GetValueOrDefault(workspace).Most;

        public int Finished(string workspace) => _counts.GetValueOrDefault(workspace).Finished;

        public void Open() => _gate.TrySetResult();

        public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
        {
            var workspace = command.Conversation.Workspace;
            _counts.AddOrUpdate(workspace, (1, 1, 0), (_, c) => (c.Running + 1, Math.Max(c.Most, c.Running + 1), c.Finished));
            if (workspace == slow)
            {
                await _gate.Task.WaitAsync(cancellationToken);
            }

            _counts.AddOrUpdate(workspace, (0, 1, 1), (_, c) => (c.Running - 1, c.Most, c.Finished + 1));
        }
    }
}
