namespace Onboarding.Bot.Chat;

/// <summary>
/// Serialises publishes to the same card within this process, whatever the channel: two concurrent first publishes cannot
/// post two cards, and a publish that follows a post still in flight waits for its message id and updates it.
/// Striped by hash: a fixed set of locks, nothing to clean up.
/// </summary>
internal sealed class SlotLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
