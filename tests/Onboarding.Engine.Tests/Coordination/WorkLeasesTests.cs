using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Coordination;

/// <summary>Leases on items of work, as several instances sharing one database see them.</summary>
public sealed class WorkLeasesTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [SkippableTheory]
    [StorageProviders]
    public async Task A_live_lease_is_never_taken_over_and_an_expired_one_is(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var first = Leases(temp.Database, "instance-a", clock);
        var second = Leases(otherDatabase, "instance-b", clock);

        var held = await first.TryAcquireAsync("rotation", "1234567_SB1", Minute, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(59));
        var whileLive = await second.TryAcquireAsync("rotation", "1234567_SB1", Minute, CancellationToken.None);
        var otherItem = await second.TryAcquireAsync("rotation", "7654321", Minute, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await second.TryAcquireAsync("rotation", "1234567_SB1", Minute, CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(whileLive);
        Assert.NotNull(otherItem);
        Assert.NotNull(afterExpiry);
        Assert.StartsWith("instance-b#", afterExpiry.Holder, StringComparison.Ordinal);
        Assert.False(await held.RenewAsync(Minute, CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Of_many_workers_on_two_instances_racing_for_one_item_exactly_one_gets_it(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var first = Leases(temp.Database, "instance-a", TimeProvider.System);
        var second = Leases(otherDatabase, "instance-b", TimeProvider.System);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).TryAcquireAsync("card", "slack|T1|C1#onboarding/s1", Minute, CancellationToken.None))));

        Assert.Single(attempts, lease => lease is not null);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_released_lease_is_free_at_once_and_renewal_extends_a_held_one(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var leases = Leases(temp.Database, "instance-a", clock);

        var first = await leases.TryAcquireAsync("resume", "session-1", Minute, CancellationToken.None);
        await first!.DisposeAsync();
        var second = await leases.TryAcquireAsync("resume", "session-1", Minute, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await second!.RenewAsync(Minute, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(50));
        var third = await leases.TryAcquireAsync("resume", "session-1", Minute, CancellationToken.None);

        Assert.Null(third);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(10), second.Until);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Work_held_elsewhere_is_skipped_and_work_run_here_releases_its_item(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var first = Leases(temp.Database, "instance-a", TimeProvider.System);
        var second = Leases(otherDatabase, "instance-b", TimeProvider.System);
        var ran = new List<string>();

        await using (await first.TryAcquireAsync("sweep", "session-1", Minute, CancellationToken.None))
        {
            Assert.False(await second.TryRunAsync("sweep", "session-1", Minute, _ => Record(ran, "b while a holds it"), CancellationToken.None));
        }

        Assert.True(await second.TryRunAsync("sweep", "session-1", Minute, _ => Record(ran, "b"), CancellationToken.None));
        Assert.True(await first.TryRunAsync("sweep", "session-1", Minute, _ => Record(ran, "a after b"), CancellationToken.None));
        Assert.Equal(["b", "a after b"], ran);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_kept_alive_lease_outlives_its_first_term(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var leases = Leases(temp.Database, "instance-a", clock);
        var other = Leases(temp.Database, "instance-b", clock);
        var lease = (await leases.TryAcquireAsync("card", "c1", Minute, CancellationToken.None))!;
        var firstTerm = lease.Until;

        await using (lease.KeepAlive(Minute))
        {
            // Four renewals, each written before the clock moves on. The clock moves in small steps: the renewal loop starts
            // its next wait only after writing a renewal, so one step of a whole renewal interval, taken as soon as the write
            // shows, could come before that wait exists and never end it.
            for (var renewal = 0; renewal < 4; renewal++)
            {
                var before = lease.Until;
                await AdvanceUntilAsync(clock, () => lease.Until > before);
            }

            Assert.True(lease.Until > firstTerm);
            Assert.Null(await other.TryAcquireAsync("card", "c1", Minute, CancellationToken.None));
        }
    }

    private static WorkLeases Leases(Database database, string instance, TimeProvider clock) =>
        new(database, new InstanceIdentity(instance), clock, NullLogger<WorkLeases>.Instance);

    private static Task Record(List<string> ran, string what)
    {
        ran.Add(what);
        return Task.CompletedTask;
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, guard.Token);
        }
    }
}
