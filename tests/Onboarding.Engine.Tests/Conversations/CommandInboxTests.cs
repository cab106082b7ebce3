using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Conversations.Inbox;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Conversations;

/// <summary>The command inbox as several instances on one database see it: stored once, claimed once, taken over only when abandoned.</summary>
public sealed class CommandInboxTests
{
    private static readonly InboxOptions Settings = new() { Lease = TimeSpan.FromSeconds(60) };

    [SkippableTheory]
    [StorageProviders]
    public async Task A_delivery_is_stored_once_however_often_and_wherever_it_is_accepted(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var first = Inbox(temp.Database, "instance-a", TimeProvider.System);
        var second = Inbox(otherDatabase, "instance-b", TimeProvider.System);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).AcceptAsync(Command("status", "activity-1"), CancellationToken.None))));
        var again = await first.AcceptAsync(Command("status", "activity-1"), CancellationToken.None);

        Assert.Single(outcomes, o => o == InboxOutcome.Accepted);
        Assert.Equal(9, outcomes.Count(o => o == InboxOutcome.Duplicate));
        Assert.Equal(InboxOutcome.Duplicate, again);
        Assert.Equal(1L, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM chat_inbox"), CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM processed_deliveries"), CultureInfo.InvariantCulture));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Commands_accepted_at_the_same_time_are_all_stored_and_read_back_intact(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var inbox = Inbox(temp.Database, "instance-a", TimeProvider.System);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() =>
            inbox.AcceptAsync(Command("status", $"activity-{i}", argument: $"{i}"), CancellationToken.None))));
        var claimed = await inbox.ClaimAsync(1000, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(InboxOutcome.Accepted, o));
        Assert.Equal(300, claimed.Count);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"{i}").Order(), claimed.Select(c => c.Command!.Argument!).Order());
        Assert.All(claimed, c => Assert.Equal(1, c.Attempts));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_live_claim_is_never_taken_over_and_an_expired_one_is(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", CultureInfo.InvariantCulture));
        var first = Inbox(temp.Database, "instance-a", clock);
        var second = Inbox(otherDatabase, "instance-b", clock);
        await first.AcceptAsync(Command("onboard", "activity-1"), CancellationToken.None);

        var claimedByFirst = Assert.Single(await first.ClaimAsync(10, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(59));
        var whileLive = await second.ClaimAsync(10, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var takenOver = Assert.Single(await second.ClaimAsync(10, CancellationToken.None));

        Assert.Empty(whileLive);
        Assert.Equal(claimedByFirst.Id, takenOver.Id);
        Assert.Equal(2, takenOver.Attempts);
        Assert.False(await first.CompleteAsync(claimedByFirst.Id, CancellationToken.None));
        Assert.True(await second.CompleteAsync(takenOver.Id, CancellationToken.None));
        Assert.Equal(0L, Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM chat_inbox"), CultureInfo.InvariantCulture));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_renewed_claim_outlives_its_first_lease_and_a_released_one_does_not_count_as_an_attempt(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", CultureInfo.InvariantCulture));
        var first = Inbox(temp.Database, "instance-a", clock);
        var second = Inbox(temp.Database, "instance-b", clock);
        await first.AcceptAsync(Command("status", "activity-1"), CancellationToken.None);
        var claimed = Assert.Single(await first.ClaimAsync(10, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(1, await first.RenewAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(40));
        var whileRenewed = await second.ClaimAsync(10, CancellationToken.None);
        await first.ReleaseAsync(claimed.Id, CancellationToken.None);
        var afterRelease = Assert.Single(await second.ClaimAsync(10, CancellationToken.None));

        Assert.Empty(whileRenewed);
        Assert.Equal(1, afterRelease.Attempts);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Instances_claiming_at_the_same_time_never_share_a_command(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var first = Inbox(temp.Database, "instance-a", TimeProvider.System);
        var second = Inbox(otherDatabase, "instance-b", TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => first.AcceptAsync(Command("status", $"activity-{i}"), CancellationToken.None)));

        var claims = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).ClaimAsync(5, CancellationToken.None))));
        var ids = claims.SelectMany(c => c.Select(command => command.Id)).ToList();

        Assert.Equal(60, ids.Count);
        Assert.Equal(60, ids.Distinct().Count());
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_failed_command_waits_for_its_retry_time(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", CultureInfo.InvariantCulture));
        var inbox = Inbox(temp.Database, "instance-a", clock);
        await inbox.AcceptAsync(Command("status", "activity-1"), CancellationToken.None);
        var claimed = Assert.Single(await inbox.ClaimAsync(10, CancellationToken.None));

        await inbox.RetryLaterAsync(claimed.Id, TimeSpan.FromSeconds(5), nameof(TimeoutException), CancellationToken.None);
        var tooEarly = await inbox.ClaimAsync(10, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));
        var retried = Assert.Single(await inbox.ClaimAsync(10, CancellationToken.None));

        Assert.Empty(tooEarly);
        Assert.Equal(2, retried.Attempts);
        Assert.Equal(nameof(TimeoutException), await temp.ScalarAsync("SELECT last_error FROM chat_inbox"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_workspace_that_floods_the_inbox_delays_only_its_own_commands(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var inbox = Inbox(temp.Database, "instance-a", TimeProvider.System);
        foreach (var i in Enumerable.Range(0, 40))
        {
            await inbox.AcceptAsync(Command("status", $"noisy-{i}", workspace: "tenant-noisy"), CancellationToken.None);
        }

        await inbox.AcceptAsync(Command("help", "quiet-teams", workspace: "tenant-quiet"), CancellationToken.None);
        await inbox.AcceptAsync(Command("help", "quiet-slack", channel: "slack", workspace: "T0QUIET"), CancellationToken.None);
        await inbox.AcceptAsync(Command("status", "noisy-40", workspace: "tenant-noisy"), CancellationToken.None);

        var first = await inbox.ClaimAsync(4, CancellationToken.None);
        var rest = await inbox.ClaimAsync(100, CancellationToken.None);

        // Each newcomer's first command takes the turn after the oldest one waiting: the two quiet workspaces' commands are
        // claimed beside the noisy workspace's first two, not behind its forty.
        Assert.Equal(["noisy-0", "noisy-1", "quiet-teams", "quiet-slack"], first.Select(c => c.DeliveryId));
        Assert.Equal(Enumerable.Range(2, 39).Select(i => $"noisy-{i}"), rest.Select(c => c.DeliveryId));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Past_the_backlog_bound_only_the_workspace_that_filled_it_is_told_busy_until_twice_the_bound(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var inbox = Inbox(temp.Database, "instance-a", TimeProvider.System, new InboxOptions { Lease = TimeSpan.FromSeconds(60), MaxBacklog = 10 });
        foreach (var i in Enumerable.Range(0, 10))
        {
            Assert.Equal(InboxOutcome.Accepted, await inbox.AcceptAsync(Command("status", $"noisy-{i}", workspace: "tenant-noisy"), CancellationToken.None));
        }

        Assert.Equal(10, await inbox.CountAsync(CancellationToken.None));
        var noisy = await inbox.AcceptAsync(Command("status", "noisy-10", workspace: "tenant-noisy"), CancellationToken.None);
        var quiet = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            inbox.AcceptAsync(Command("help", $"quiet-{i}", workspace: "tenant-quiet"), CancellationToken.None)));

        Assert.Equal(20, await inbox.CountAsync(CancellationToken.None));
        var pastTwice = await inbox.AcceptAsync(Command("help", "new-0", channel: "slack", workspace: "T0NEW"), CancellationToken.None);

        Assert.Equal(InboxOutcome.Busy, noisy);
        Assert.All(quiet, o => Assert.Equal(InboxOutcome.Accepted, o));
        Assert.Equal(InboxOutcome.Busy, pastTwice);
    }

    internal static CommandInbox Inbox(Database database, string instance, TimeProvider clock, InboxOptions? options = null) =>
        new(database, new InstanceIdentity(instance), Options.Create(options ?? Settings), clock, NullLogger<CommandInbox>.Instance);

    internal static ChatCommand Command(
        string verb, string deliveryId, string conversation = "a:conversation-1", string? argument = null, string channel = "msteams", string workspace = "tenant-1") =>
        new(new ConversationKey(channel, workspace, conversation), new ChatUser("user-1", "Pat"), verb, argument, new Dictionary<string, string>(), deliveryId, false);
}
