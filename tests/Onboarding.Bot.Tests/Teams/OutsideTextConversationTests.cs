using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>
/// Outside text attacked the way it was: a crafted OAuth callback whose <c>error_description</c> is a Markdown link, and a
/// display name that is one. Both must reach the customer's chat and the callback page as plain text.
/// </summary>
public sealed class OutsideTextConversationTests : BotAndBrowserTest
{
    private const string Crafted = HostileText.MarkdownLink + " <b>now</b> <!channel>";

    [Fact]
    public async Task A_crafted_callback_error_description_reaches_the_card_and_the_page_as_plain_text()
    {
        var onboarding = new TeamsOnboarding(Bed, Browser, Bed.Teams);
        var card = await onboarding.StartAsync();
        var state = QueryHelpers.ParseQuery(card.Link("Authorize in NetSuite").Query)["state"].ToString();

        var (status, page, _) = await Browser.OpenBotAsync(
            $"/oauth/netsuite/callback?state={Uri.EscapeDataString(state)}&error=server_error&error_description={Uri.EscapeDataString(Crafted)}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("[Click here to finish setup](https://evil.example/setup) &lt;b&gt;now&lt;/b&gt; &lt;!channel&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>now", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href", page, StringComparison.Ordinal);

        var failed = await onboarding.CardShowingAsync(a => a.Shows("NetSuite refused the sign-in"));
        Assert.Contains(failed.CardTexts, t => t.Contains(Crafted, StringComparison.Ordinal));
        AssertInert(failed);
    }

    [Fact]
    public async Task A_display_name_with_a_markdown_link_arrives_as_plain_text_in_a_shared_conversation()
    {
        var channel = Bed.Conversation("19:general@thread.tacv2", shared: true);

        await Bed.SendAsync(channel.MentionMessage("onboard 1234567_SB1", "29:user-mallory", HostileText.MarkdownLink));

        var card = (await Bed.Connector.WaitForAsync(a => a.ConversationId == channel.ConversationId && a.HasButton("Authorize in NetSuite"))).Last();
        Assert.Contains(card.CardTexts, t => t.StartsWith("Started by " + HostileText.MarkdownLink, StringComparison.Ordinal));
        AssertInert(card);
    }

    /// <summary>Every text of the card is a TextRun (shown literally by every Teams client), and no button leads off to the attacker.</summary>
    private static void AssertInert(RecordedActivity card)
    {
        var json = card.AdaptiveCard!.ToJsonString();
        Assert.DoesNotContain("\"TextBlock\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"FactSet\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("selectAction", json, StringComparison.Ordinal);
        Assert.DoesNotContain(card.Buttons, b => ((string?)b["url"])?.Contains("evil", StringComparison.Ordinal) == true);
    }
}
