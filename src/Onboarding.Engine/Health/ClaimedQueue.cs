using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Onboarding.Engine.Health;

/// <summary>
/// Claimed tenants waiting for a worker. The cycle waits until the queue has run down to <paramref name="lowWater"/>,
/// then takes its next batch of claims and adds it whole, so the claiming loop wakes once per batch. (A bounded channel,
/// used before, wakes a writer blocked on a full channel for every item a worker takes: one more thread-pool hand-off per
/// check.)
/// </summary>
internal sealed class ClaimedQueue(int lowWater)
{
    private readonly Channel<ClaimedTenant> _queue = Channel.CreateUnbounded<ClaimedTenant>(new UnboundedChannelOptions { SingleWriter = true });
    private int _queued;
    private TaskCompletionSource? _room;
    private Exception? _failure;

    /// <summary>Waits until the queue has run down to the low-water mark; throws once a worker has failed.</summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _queued) > lowWater && Volatile.Read(ref _failure) is null)
        {
            var room = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _room, room);

            // Checked again once the waiter is published: a worker that took the queue down meanwhile found no waiter to wake.
            if (Volatile.Read(ref _queued) > lowWater && Volatile.Read(ref _failure) is null)
            {
                await room.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        ThrowIfFailed();
    }

    /// <summary>Adds a batch for the workers, however full the queue (the cycle waits for room before it claims).</summary>
    public void Add(IReadOnlyList<ClaimedTenant> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Interlocked.Add(ref _queued, batch.Count);
        foreach (var tenant in batch)
        {
            if (!_queue.Writer.TryWrite(tenant))
            {
                ThrowIfFailed();
                throw new InvalidOperationException("Tenants were added after the queue was completed.");
            }
        }
    }

    /// <summary>A worker's tenants, one at a time, until the cycle has added them all (<see cref="Complete"/>).</summary>
    public async IAsyncEnumerable<ClaimedTenant> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var tenant in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Interlocked.Decrement(ref _queued) <= lowWater)
            {
                Interlocked.Exchange(ref _room, null)?.TrySetResult();
            }

            yield return tenant;
        }
    }

    /// <summary>Nothing more will be added; workers finish what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>A worker failed: the cycle stops (its next <see cref="WaitForRoomAsync"/> throws) instead of waiting for room.</summary>
    public void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _failure, failure, null);
        _queue.Writer.TryComplete(failure);
        Interlocked.Exchange(ref _room, null)?.TrySetResult();
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw new ChannelClosedException(failure);
        }
    }
}
