namespace Onboarding.Engine.Coordination;

/// <summary>
/// A claim on one item of work (<see cref="Scope"/>, <see cref="Item"/>) until <see cref="Until"/>: while it lasts no other
/// worker of any instance acquires the same item. Disposing releases it at once; a holder that dies simply lets it run out.
/// </summary>
public sealed class WorkLease : IAsyncDisposable
{
    private readonly WorkLeases _leases;
    private int _released;

    internal WorkLease(WorkLeases leases, string scope, string item, string holder, DateTimeOffset until)
    {
        _leases = leases;
        Scope = scope;
        Item = item;
        Holder = holder;
        Until = until;
    }

    public string Scope { get; }

    public string Item { get; }

    /// <summary>Who holds it: the instance name and a sequence number (<see cref="InstanceIdentity.NextHolder"/>).</summary>
    public string Holder { get; }

    /// <summary>When the lease runs out unless renewed.</summary>
    public DateTimeOffset Until { get; private set; }

    /// <summary>Extends the lease by <paramref name="duration"/> from now; false when it had already run out and was taken over.</summary>
    public async Task<bool> RenewAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = await _leases.RenewAsync(this, duration, cancellationToken).ConfigureAwait(false);
        if (until is { } renewed)
        {
            Until = renewed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Renews the lease every third of <paramref name="duration"/> until the returned handle is disposed (dispose it before
    /// the lease). Should a renewal find the lease taken over, <paramref name="lost"/> is cancelled.
    /// </summary>
    public IAsyncDisposable KeepAlive(TimeSpan duration, CancellationTokenSource? lost = null) => _leases.KeepAlive(this, duration, lost);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            await _leases.ReleaseAsync(this).ConfigureAwait(false);
        }
    }
}
