using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Onboarding.Engine.Onboarding;

/// <summary>What a card update is for, which decides when it is drawn.</summary>
public enum CardMoment
{
    /// <summary>Work in progress: may wait for the card's next turn, and is replaced by any later state meanwhile.</summary>
    Progress,

    /// <summary>The card comes to rest (waiting for someone, or failed): drawn at once, replacing any progress still pending.</summary>
    Rest,

    /// <summary>The card's last state (completed, cancelled, failed for good): drawn at once; the card is then forgotten.</summary>
    Final,
}

/// <summary>
/// Paces the updates of each card. A card showing work in progress is redrawn at most once per
/// <c>Onboarding:CardUpdateInterval</c>, always with its latest state: chat platforms limit how often a bot may write to
/// one conversation (docs/cards.md), and a redraw every few milliseconds shows nobody anything. A card that comes to rest
/// is drawn at once and replaces whatever progress was still pending, so the final state is always shown and never
/// followed by a stale one. Progress draws run in the background: the step that reported progress does not wait for them.
/// </summary>
public sealed class CardUpdatePacer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Card> _cards = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;

    public CardUpdatePacer(IOptions<OnboardingOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _interval = options.Value.CardUpdateInterval;
        _stoppingToken = _stopping.Token;
    }

    /// <summary>
    /// Draws the card named <paramref name="key"/> with <paramref name="draw"/>, now or on the card's next turn. Progress
    /// returns at once; a resting or final state returns once it is drawn.
    /// </summary>
    public async Task ShowAsync(string key, CardMoment moment, Func<CancellationToken, Task> draw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var card = _cards.GetOrAdd(key, _ => new Card());
        if (moment == CardMoment.Progress && _interval > TimeSpan.Zero)
        {
            card.Defer(draw, this);
            return;
        }

        await card.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            card.TakePending(_timeProvider.GetTimestamp());
            await draw(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            card.Gate.Release();
        }

        if (moment == CardMoment.Final)
        {
            _cards.TryRemove(new KeyValuePair<string, Card>(key, card));
        }
    }

    /// <summary>Draws the card's pending progress now, if any: a notice about the card must not arrive before the card shows its state.</summary>
    public async Task FlushAsync(string key, CancellationToken cancellationToken)
    {
        if (_cards.TryGetValue(key, out var card))
        {
            await card.DrawPendingAsync(_timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        foreach (var card in _cards.Values)
        {
            card.Drop();
        }

        _cards.Clear();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One card's pacing state. Draws of one card are serialised by <see cref="Gate"/>, its fields by a lock.</summary>
    private sealed class Card
    {
        private readonly Lock _sync = new();
        private Func<CancellationToken, Task>? _pending;
        private ITimer? _timer;
        private long? _lastDrawn;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Keeps <paramref name="draw"/> as the card's latest state and makes sure a draw is due on the card's next turn.</summary>
        public void Defer(Func<CancellationToken, Task> draw, CardUpdatePacer pacer)
        {
            lock (_sync)
            {
                _pending = draw;
                if (_timer is not null)
                {
                    return;
                }

                var time = pacer._timeProvider;
                var due = _lastDrawn is { } last ? pacer._interval - time.GetElapsedTime(last) : TimeSpan.Zero;
                // Armed only once assigned: a timer due now may fire on this very thread, and its draw clears _timer.
                var timer = time.CreateTimer(_ => _ = DrawPendingAsync(time, pacer._stoppingToken), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer = timer;
                timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }

        /// <summary>Takes the pending draw (if any) and marks the card drawn now: whoever holds the gate draws next.</summary>
        public Func<CancellationToken, Task>? TakePending(long now)
        {
            lock (_sync)
            {
                var pending = _pending;
                _pending = null;
                _timer?.Dispose();
                _timer = null;
                _lastDrawn = now;
                return pending;
            }
        }

        public async Task DrawPendingAsync(TimeProvider time, CancellationToken cancellationToken)
        {
            try
            {
                await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                bool hasPending;
                lock (_sync)
                {
                    hasPending = _pending is not null;
                }

                if (hasPending && TakePending(time.GetTimestamp()) is { } draw)
                {
                    // The draw logs its own failures (OnboardingCards); a cancelled draw at shutdown is superseded on restart.
                    await draw(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            finally
            {
                Gate.Release();
            }
        }

        public void Drop()
        {
            lock (_sync)
            {
                _pending = null;
                _timer?.Dispose();
                _timer = null;
            }
        }
    }
}
