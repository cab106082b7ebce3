using Microsoft.Playwright;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>
/// Cards full of attacker-controlled text, posted through the bot's own publisher into the Agents Playground and looked
/// at in Chromium: every text shows literally (no link, no bold, no lost words), and nothing runs past the card's edge.
/// </summary>
public sealed class HostileTextInAgentsPlaygroundTests
{
    [BrowserFact]
    public async Task Hostile_text_shows_literally_on_cards_in_the_Agents_Playground()
    {
        Prerequisites.Require(Prerequisites.MissingForBrowser());
        var port = FreePort.Next();
        var publicBaseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var bot = BotUnderTest.Start(port, new Dictionary<string, string?> { ["Bot:PublicBaseUrl"] = publicBaseUrl.AbsoluteUri.TrimEnd('/') });
        await using var playground = await AgentsPlayground.StartAsync(new Uri(publicBaseUrl, "api/messages"));
        await using var browser = await LoopbackBrowser.LaunchAsync();
        var chat = await browser.Context.NewPageAsync();
        await chat.GotoAsync(playground.Address.AbsoluteUri);
        await Assertions.Expect(OnboardingInAgentsPlaygroundTests.Cards(chat).Filter(new() { HasText = "Let's connect NetSuite" })).ToBeVisibleAsync();
        var conversation = await PlaygroundConversationAsync(bot);
        var publisher = bot.Services.GetRequiredService<IChatPublisher>();
        var shots = new Screenshots("hostile-text");

        var problems = new List<string>();
        foreach (var (name, text) in HostileText.Cases)
        {
            await publisher.PublishAsync(conversation, HostileText.Everywhere(text) with { Title = $"Case: {name}" }, slot: null, CancellationToken.None);
            var card = OnboardingInAgentsPlaygroundTests.Cards(chat).Filter(new() { HasText = $"Case: {name}" }).Last;
            await Assertions.Expect(card).ToBeVisibleAsync();
            await card.ScrollIntoViewIfNeededAsync();
            await shots.TakeAsync(chat, name.Replace(' ', '-'));

            problems.AddRange((await CardInspection.OverflowsAsync(card)).Select(p => $"{name}: {p}"));
            if (await CardInspection.LinksInTextAsync(card) is > 0 and var links)
            {
                problems.Add($"{name}: {links} link(s) in the card's text");
            }

            if (await card.Locator("strong, em, b, i, code, img, script").CountAsync() is > 0 and var formatted)
            {
                problems.Add($"{name}: {formatted} formatted element(s) made from the text");
            }
        }

        // What a person reads is the text itself, brackets and all.
        var literal = OnboardingInAgentsPlaygroundTests.Cards(chat).Filter(new() { HasText = "Case: markdown link" }).Last;
        await Assertions.Expect(literal).ToContainTextAsync(HostileText.MarkdownLink);
        var slack = OnboardingInAgentsPlaygroundTests.Cards(chat).Filter(new() { HasText = "Case: slack link" }).Last;
        await Assertions.Expect(slack).ToContainTextAsync("<https://evil.example|click>");
        var html = OnboardingInAgentsPlaygroundTests.Cards(chat).Filter(new() { HasText = "Case: html" }).Last;
        await Assertions.Expect(html).ToContainTextAsync("<b>bold</b><script>alert(1)</script>");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The Playground's chat, as the bot recorded it when the Playground opened it.</summary>
    private static async Task<ConversationKey> PlaygroundConversationAsync(BotUnderTest bot)
    {
        var database = bot.Services.GetRequiredService<Database>();
        var key = await StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<string>(
            "SELECT conversation_key FROM conversation_references WHERE channel = 'msteams'", null, CancellationToken.None), CancellationToken.None);
        return ConversationKey.Parse(key!);
    }
}
