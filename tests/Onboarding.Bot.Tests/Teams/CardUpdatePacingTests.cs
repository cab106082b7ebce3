using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>
/// A whole onboarding writes to Teams' per-conversation rate limit sparingly: its card is updated a handful of times, not
/// once per sub-step. The pacing interval is set far longer than the run, so the count depends on what the flow does,
/// not on how fast this machine is (the pacing itself is covered with a fake clock in CardUpdatePacerTests).
/// </summary>
public sealed class CardUpdatePacingTests() : BotAndBrowserTest(new Dictionary<string, string?> { ["Onboarding:CardUpdateInterval"] = "00:10:00" })
{
    public const int MaxUpdatesPerOnboarding = 8;

    [Fact]
    public async Task A_whole_onboarding_updates_its_card_at_most_eight_times_and_ends_on_the_completed_card()
    {
        var onboarding = new TeamsOnboarding(Bed, Browser, Bed.Teams);

        var final = await onboarding.CompleteAsync();

        var updates = onboarding.CardUpdates;
        Assert.InRange(updates.Count, 1, MaxUpdatesPerOnboarding);
        Assert.Same(final, updates[^1]);
        Assert.True(final.Shows("is connected"));
    }

    [Fact]
    public async Task The_completion_notice_follows_the_completed_card()
    {
        var onboarding = new TeamsOnboarding(Bed, Browser, Bed.Teams);

        await onboarding.CompleteAsync();

        var activities = Bed.Connector.Activities.ToList();
        var completedCard = activities.FindIndex(a => a.IsUpdate && a.ActivityId == onboarding.CardId && a.Shows("is connected"));
        var notice = activities.FindIndex(a => !a.IsUpdate && a.Shows("All set"));
        Assert.InRange(completedCard, 0, notice - 1);
    }

    [Fact]
    public async Task No_call_to_the_connector_carries_a_cookie_an_earlier_answer_set()
    {
        var onboarding = new TeamsOnboarding(Bed, Browser, Bed.Teams);

        await onboarding.CompleteAsync();

        // The stand-in's every answer sets one; one handler serves every tenant's conversations (KeepNoCookies).
        Assert.True(Bed.Connector.Activities.Count > 2);
        Assert.All(Bed.Connector.Activities, a => Assert.Equal("", a.Cookie));
    }
}
