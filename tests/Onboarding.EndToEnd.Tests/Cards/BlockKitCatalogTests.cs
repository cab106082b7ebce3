using Onboarding.Bot.Slack.Rendering;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Cards;

/// <summary>Every view the bot can emit, in every shipped language, rendered for Slack: within Block Kit's documented limits, and no view text as mrkdwn.</summary>
public sealed class BlockKitCatalogTests
{
    [Fact]
    public async Task Every_view_the_bot_can_emit_in_every_language_renders_within_Block_Kit_limits_with_no_text_as_mrkdwn()
    {
        using var bot = BotUnderTest.Start();
        var views = await CardCatalog.InEveryLanguageAsync(bot.Services);
        var renderer = new BlockKitRenderer();

        var problems = new List<string>();
        foreach (var (name, view) in views)
        {
            var message = renderer.Render(view);
            problems.AddRange(BlockKitLimits.Violations(message.Text, message.Blocks).Select(p => $"{name}: {p}"));
            problems.AddRange(BlockKitLimits.MrkdwnObjects(message.Blocks).Select(_ => $"{name}: a mrkdwn text object"));
        }

        Assert.Contains(views, v => v.Name.StartsWith("hostile-", StringComparison.Ordinal));
        Assert.All(Languages.All, l => Assert.Contains(views, v => v.Name == $"help.{l.Name}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
