using Onboarding.Engine.Coordination;

namespace Onboarding.Bot.Chat;

/// <summary>
/// Serialises publishes to the same card across every instance, whatever the channel: two concurrent first publishes cannot
/// post two cards, and a publish that follows a post still in flight — here or on another instance — waits for its message
/// id and updates it. Waiters of this process queue in memory first (striped locks: a fixed set, nothing to clean up), then
/// take the card's lease in the shared database (<see cref="WorkLeases"/>), renewed while the post is under way.
/// </summary>
internal sealed class CardLocks(WorkLeases leases)
{
    public const string Scope = "card";

    // Long enough for a post and its retries to finish; an instance that dies mid-post holds the card no longer than this.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Holds the card named <paramref name="key"/> until the returned handle is disposed.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var lease = await leases.AcquireAsync(Scope, key, Lease, cancellationToken).ConfigureAwait(false);
            return new Held(stripe, lease, lease.KeepAlive(Lease));
        }
        catch
        {
            stripe.Release();
            throw;
        }
    }

    private sealed class Held(SemaphoreSlim stripe, WorkLease lease, IAsyncDisposable renewal) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await renewal.DisposeAsync().ConfigureAwait(false);
                await lease.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                stripe.Release();
            }
        }
    }
}
