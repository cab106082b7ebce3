using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Coordination;

/// <summary>
/// Leases on items of work in the shared database (table <c>work_leases</c>), so that work every instance could do is done
/// by one at a time: a certificate rotation per tenant, a token mint per tenant, resuming one onboarding, publishing one card.
/// A live lease is never taken over; an expired one (its holder died or hung) is. See docs/scale-out.md.
/// </summary>
/// <remarks>
/// Acquiring is one upsert that only replaces an expired row, so of two instances racing for an item exactly one gets it, on
/// SQLite (one writer at a time) and on PostgreSQL (the conflicting insert waits for the other and re-checks the row).
/// </remarks>
public sealed class WorkLeases(Database database, InstanceIdentity instance, TimeProvider timeProvider, ILogger<WorkLeases> logger)
{
    // How long a waiter sleeps between two tries at most: short enough for a card update not to lag, long enough to cost nothing.
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);

    /// <summary>Acquires the lease on (<paramref name="scope"/>, <paramref name="item"/>) for <paramref name="duration"/>; null while someone else holds it.</summary>
    public async Task<WorkLease?> TryAcquireAsync(string scope, string item, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(item);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var holder = instance.NextHolder();
        var now = timeProvider.GetUtcNow();
        var until = now + duration;
        var winner = await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.QuerySingleOrDefaultAsync<string>(
            """
            INSERT INTO work_leases (scope, item, holder, lease_until, acquired_at) VALUES (@scope, @item, @holder, @until, @now)
            ON CONFLICT (scope, item) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until, acquired_at = excluded.acquired_at
            WHERE work_leases.lease_until <= @now
            RETURNING holder
            """,
            new { scope, item, holder, until = StoredTime.Format(until), now = StoredTime.Format(now) },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return winner == holder ? new WorkLease(this, scope, item, holder, until) : null;
    }

    /// <summary>
    /// Acquires the lease, waiting while someone else holds it (at most until their lease runs out, since an expired one is
    /// taken over). Only <paramref name="cancellationToken"/> ends the wait early.
    /// </summary>
    public async Task<WorkLease> AcquireAsync(string scope, string item, TimeSpan duration, CancellationToken cancellationToken)
    {
        var pause = FirstPoll;
        while (true)
        {
            if (await TryAcquireAsync(scope, item, duration, cancellationToken).ConfigureAwait(false) is { } lease)
            {
                return lease;
            }

            await Task.Delay(pause, timeProvider, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPoll.Ticks));
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while holding the lease on the item, renewing it every third of
    /// <paramref name="duration"/>; returns false without running it when someone else holds the item. Should the lease be
    /// lost all the same (this process stalled past it), the work's token is cancelled rather than let two run side by side.
    /// </summary>
    public async Task<bool> TryRunAsync(string scope, string item, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var lease = await TryAcquireAsync(scope, item, duration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return false;
        }

        await HoldWhileAsync(lease, duration, work, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs <paramref name="work"/> under an acquired lease, renewing it as <see cref="TryRunAsync"/> does.</summary>
    public async Task HoldWhileAsync(WorkLease lease, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(work);
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using (lease.KeepAlive(duration, held))
        {
            await work(held.Token).ConfigureAwait(false);
        }
    }

    internal async Task<DateTimeOffset?> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + duration;
        var renewed = await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "UPDATE work_leases SET lease_until = @until WHERE scope = @scope AND item = @item AND holder = @holder",
            new { scope = lease.Scope, item = lease.Item, holder = lease.Holder, until = StoredTime.Format(until) },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return renewed == 1 ? until : null;
    }

    internal async Task ReleaseAsync(WorkLease lease)
    {
        try
        {
            // Not the caller's token: a cancelled caller must still let go, or the item waits for the lease to run out.
            await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
                "DELETE FROM work_leases WHERE scope = @scope AND item = @item AND holder = @holder",
                new { scope = lease.Scope, item = lease.Item, holder = lease.Holder },
                CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Releasing early is a courtesy: a lease that cannot be deleted runs out by itself.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LeaseReleaseFailed(logger, e, lease.Scope, lease.Item);
        }
    }

    internal IAsyncDisposable KeepAlive(WorkLease lease, TimeSpan duration, CancellationTokenSource? lost)
    {
        var stop = new CancellationTokenSource();
        return new Renewal(stop, RenewUntilStoppedAsync(lease, duration, lost, stop.Token));
    }

    private async Task RenewUntilStoppedAsync(WorkLease lease, TimeSpan duration, CancellationTokenSource? lost, CancellationToken stop)
    {
        var every = duration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, timeProvider, stop).ConfigureAwait(false);
                if (!await lease.RenewAsync(duration, stop).ConfigureAwait(false))
                {
                    LeaseLost(logger, lease.Scope, lease.Item, lease.Holder);
                    if (lost is not null)
                    {
                        await lost.CancelAsync().ConfigureAwait(false);
                    }

                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The holder let go.
        }
#pragma warning disable CA1031 // A renewal that fails (database unreachable) leaves the lease to run out; the work goes on meanwhile.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LeaseRenewalFailed(logger, e, lease.Scope, lease.Item);
        }
    }

    private sealed class Renewal(CancellationTokenSource stop, Task renewing) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            stop.Dispose();
        }
    }
}
