using System.Threading.Channels;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Health;

public sealed class ClaimedQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_cycle_waits_for_room_until_the_workers_have_taken_the_queue_down_to_the_low_water_mark()
    {
        var queue = new ClaimedQueue(lowWater: 2);
        await queue.WaitForRoomAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        queue.Add(Batch(5));
        await using var worker = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();

        var room = queue.WaitForRoomAsync(CancellationToken.None);
        Assert.True(await worker.MoveNextAsync());
        Assert.True(await worker.MoveNextAsync());
        Assert.False(room.IsCompleted);

        Assert.True(await worker.MoveNextAsync());
        await room.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("1000003", worker.Current.Account.Value);
    }

    [Fact]
    public async Task Workers_get_every_tenant_once_in_the_order_added_and_stop_when_the_cycle_completes()
    {
        var queue = new ClaimedQueue(lowWater: 1);
        queue.Add(Batch(3));
        queue.Add(Batch(2, first: 4));
        queue.Complete();

        var taken = new List<string>();
        await foreach (var tenant in queue.ReadAllAsync(CancellationToken.None))
        {
            taken.Add(tenant.Account.Value);
        }

        Assert.Equal(["1000001", "1000002", "1000003", "1000004", "1000005"], taken);
    }

    [Fact]
    public async Task A_failed_worker_stops_a_cycle_waiting_for_room_with_the_workers_failure()
    {
        var queue = new ClaimedQueue(lowWater: 0);
        queue.Add(Batch(3));
        var room = queue.WaitForRoomAsync(CancellationToken.None);
        Assert.False(room.IsCompleted);

        var failure = new InvalidOperationException("database gone");
        queue.Fail(failure);

        var stopped = await Assert.ThrowsAsync<ChannelClosedException>(() => room.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Same(failure, stopped.InnerException);
        Assert.Throws<ChannelClosedException>(() => queue.Add(Batch(1)));
    }

    private static List<ClaimedTenant> Batch(int count, int first = 1) =>
        [.. Enumerable.Range(first, count).Select(i =>
        {
            var account = AccountId.Parse($"{1_000_000 + i}");
            return new ClaimedTenant(new TenantHealth(account, HealthState.Healthy, Now, Now), null, "holder");
        })];
}
