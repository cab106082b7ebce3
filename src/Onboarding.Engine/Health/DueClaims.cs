using Onboarding.Engine.Coordination;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Health;

/// <summary>
/// One cycle's claims of due tenants: batch after batch in account order, each continuing after the last, and always one
/// batch ahead of the checks, so the next claim runs while the workers check the current batch instead of the workers
/// waiting for it (on PostgreSQL a claim takes longer than the last few checks of a batch). Disposing releases a batch
/// claimed ahead and never handed out, so other instances need not wait for its claims to run out.
/// </summary>
internal sealed class DueClaims(TenantHealthStore store, InstanceIdentity instance, CheckPace pace, TimeSpan lease, CancellationToken cancellationToken)
    : IAsyncDisposable
{
    private (Task<IReadOnlyList<ClaimedTenant>> Claim, int Size)? _ahead;
    private bool _passedAll;

    /// <summary>The next batch, sized for <paramref name="workers"/>; empty when nothing more is due in this pass.</summary>
    public async Task<IReadOnlyList<ClaimedTenant>> NextAsync(int workers)
    {
        if (_passedAll)
        {
            return [];
        }

        var (claim, size) = _ahead ?? Start(after: null, workers);
        _ahead = null;
        var batch = await claim.ConfigureAwait(false);

        // A short batch means nothing more is due after its last tenant: one whose check crashed (and was released) waits
        // for the next cycle.
        if (batch.Count < size)
        {
            _passedAll = true;
            return batch;
        }

        _ahead = Start(batch[^1].Account, workers);
        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ahead is not { } ahead)
        {
            return;
        }

        _ahead = null;
        IReadOnlyList<ClaimedTenant> unused;
        try
        {
            unused = await ahead.Claim.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The claim failed (or was cancelled with the cycle): it holds nothing, and the cycle reports its own failure.
            return;
        }

        await store.ReleaseAsync(unused, CancellationToken.None).ConfigureAwait(false);
    }

    // On the thread pool, not the claiming loop: Microsoft.Data.Sqlite's async methods run synchronously
    // (https://learn.microsoft.com/dotnet/standard/data/sqlite/async), so a claim started inline would hold back the batch
    // just claimed until the next one is in, and the workers would run dry meanwhile (2–3 % of a warm cycle, docs/benchmarks.md).
    private (Task<IReadOnlyList<ClaimedTenant>>, int) Start(AccountId? after, int workers)
    {
        var size = pace.ClaimSize(workers);
        var holder = instance.NextHolder();
        return (Task.Run(() => store.ClaimDueAsync(holder, size, lease, after, cancellationToken), cancellationToken), size);
    }
}
