using System.Net;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>
/// A conversation keeps the language and time zone its Teams client told: what the bot posts there later — the card moved
/// on by the OAuth callback, the notice after it — and the callback page itself are in that language and zone.
/// </summary>
public sealed class ConversationLanguageTests : BotAndBrowserTest
{
    [Fact]
    public async Task An_onboarding_started_in_German_moves_on_in_German_after_the_callback_with_times_in_the_persons_zone()
    {
        var onboard = Bed.Teams.Message("onboard 1234567_SB1");
        onboard["locale"] = "de-DE";
        onboard["localTimezone"] = "Europe/Berlin";
        await Bed.SendAsync(onboard);
        var card = (await Bed.Connector.WaitForAsync(a => !a.IsUpdate && a.HasButton("In NetSuite autorisieren"))).Last();

        // The browser names no language; the page speaks the language of the conversation the sign-in came from.
        var (status, page, _) = await Browser.FollowToBotAsync(await Browser.ConsentAsync(card.Link("In NetSuite autorisieren")));

        Assert.True(status == HttpStatusCode.OK, page);
        Assert.Contains("ist autorisiert", page, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", page, StringComparison.Ordinal);
        var step2 = (await Bed.Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == card.AssignedId && a.HasButton("Ist installiert"))).Last();
        Assert.True(step2.Shows("Schritt 2 von 4"));
        var notice = (await Bed.Connector.WaitForAsync(a => !a.IsUpdate && a.Shows("Autorisierung für 1234567_SB1 erhalten"))).Last();
        Assert.True(notice.Shows("Europe/Berlin"));
        Assert.False(notice.Shows("UTC"));
    }
}
