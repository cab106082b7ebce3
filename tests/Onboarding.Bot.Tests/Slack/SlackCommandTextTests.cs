using Onboarding.Bot.Slack.Inbound;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>Slack message text to verb and argument: mentions stripped, Slack's escaping undone.</summary>
public sealed class SlackCommandTextTests
{
    [Theory]
    [InlineData("<@U0BOT> onboard 1234567_SB1", "onboard", "1234567_SB1")]
    [InlineData("<@U0BOT|netsuite-onboarding>   STATUS", "status", null)]
    [InlineData("hey <@U0BOT> help", "hey", "help")]
    [InlineData("alerts here", "alerts", "here")]
    [InlineData("<@U0BOT>", "help", null)]
    [InlineData("", "help", null)]
    [InlineData("onboard a&amp;b &lt;x&gt;", "onboard", "a&b <x>")]
    public void Text_becomes_verb_and_argument(string text, string verb, string? argument)
    {
        Assert.Equal((verb, argument), SlackCommandText.Parse(text));
    }
}
