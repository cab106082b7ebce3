using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>
/// Card updates are paced per card: progress at most once per interval with the latest state, resting and final states
/// at once (replacing pending progress), and a notice never overtakes the state its card should show. The clock is fake,
/// so every assertion is about order and count, never about elapsed time.
/// </summary>
public sealed class CardUpdatePacerTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private readonly List<string> _drawn = [];
    private readonly CardUpdatePacer _pacer;

    public CardUpdatePacerTests() => _pacer = Pacer(Interval);

    [Fact]
    public async Task Progress_within_the_interval_is_drawn_once_more_with_the_latest_state()
    {
        await ShowAsync("card", CardMoment.Progress, "checking bundle");
        await ShowAsync("card", CardMoment.Progress, "finding role");
        await ShowAsync("card", CardMoment.Progress, "creating key");
        await ShowAsync("card", CardMoment.Progress, "uploading certificate");

        Assert.Equal(["card: checking bundle"], _drawn);
        _time.Advance(Interval);

        Assert.Equal(["card: checking bundle", "card: uploading certificate"], _drawn);
    }

    [Fact]
    public async Task A_step_longer_than_the_interval_shows_each_state_it_reports()
    {
        await ShowAsync("card", CardMoment.Progress, "finding role");
        _time.Advance(Interval * 3);
        await ShowAsync("card", CardMoment.Progress, "uploading certificate");
        _time.Advance(Interval * 3);
        await ShowAsync("card", CardMoment.Progress, "testing connection");

        Assert.Equal(["card: finding role", "card: uploading certificate", "card: testing connection"], _drawn);
    }

    [Fact]
    public async Task A_resting_state_is_drawn_at_once_and_replaces_pending_progress()
    {
        await ShowAsync("card", CardMoment.Progress, "finding role");
        await ShowAsync("card", CardMoment.Progress, "creating key");
        await ShowAsync("card", CardMoment.Rest, "failed: certificate refused");
        _time.Advance(Interval * 10);

        Assert.Equal(["card: finding role", "card: failed: certificate refused"], _drawn);
    }

    [Fact]
    public async Task Progress_after_a_resting_state_waits_for_the_cards_next_turn()
    {
        await ShowAsync("card", CardMoment.Rest, "waiting for the bundle");
        await ShowAsync("card", CardMoment.Progress, "checking bundle");

        Assert.Equal(["card: waiting for the bundle"], _drawn);
        _time.Advance(Interval);
        Assert.Equal(["card: waiting for the bundle", "card: checking bundle"], _drawn);
    }

    [Fact]
    public async Task A_notice_is_preceded_by_the_progress_its_card_still_owes()
    {
        await ShowAsync("card", CardMoment.Progress, "finding role");
        await ShowAsync("card", CardMoment.Progress, "testing connection");

        await _pacer.FlushAsync("card", CancellationToken.None);
        _drawn.Add("notice");
        _time.Advance(Interval * 10);

        Assert.Equal(["card: finding role", "card: testing connection", "notice"], _drawn);
    }

    [Fact]
    public async Task Each_card_has_its_own_turn()
    {
        await ShowAsync("one", CardMoment.Progress, "a");
        await ShowAsync("two", CardMoment.Progress, "b");
        await ShowAsync("one", CardMoment.Progress, "c");

        Assert.Equal(["one: a", "two: b"], _drawn);
        _time.Advance(Interval);
        Assert.Equal(["one: a", "two: b", "one: c"], _drawn);
    }

    [Fact]
    public async Task A_final_state_is_drawn_at_once_and_nothing_pending_follows_it()
    {
        await ShowAsync("card", CardMoment.Progress, "running routines");
        await ShowAsync("card", CardMoment.Progress, "final check");
        await ShowAsync("card", CardMoment.Final, "connected");
        _time.Advance(Interval * 10);

        Assert.Equal(["card: running routines", "card: connected"], _drawn);
    }

    [Fact]
    public async Task With_a_zero_interval_every_update_is_drawn_as_it_happens()
    {
        await using var unpaced = Pacer(TimeSpan.Zero);

        foreach (var state in new[] { "a", "b", "c" })
        {
            await unpaced.ShowAsync("card", CardMoment.Progress, _ => Draw("card", state), CancellationToken.None);
        }

        Assert.Equal(["card: a", "card: b", "card: c"], _drawn);
    }

    public ValueTask DisposeAsync() => _pacer.DisposeAsync();

    private CardUpdatePacer Pacer(TimeSpan interval) =>
        new(Options.Create(new OnboardingOptions { CardUpdateInterval = interval }), _time);

    private Task ShowAsync(string card, CardMoment moment, string state) =>
        _pacer.ShowAsync(card, moment, _ => Draw(card, state), CancellationToken.None);

    private Task Draw(string card, string state)
    {
        _drawn.Add($"{card}: {state}");
        return Task.CompletedTask;
    }
}
