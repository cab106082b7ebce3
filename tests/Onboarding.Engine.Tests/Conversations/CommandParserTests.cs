using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Tests.Conversations;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("help", "help", null)]
    [InlineData("  ONBOARD   1234567_SB1  ", "onboard", "1234567_SB1")]
    [InlineData("alerts here", "alerts", "here")]
    [InlineData("Status\t1234567_SB1", "status", "1234567_SB1")]
    [InlineData("", "help", null)]
    [InlineData(null, "help", null)]
    public void Text_is_split_into_a_lower_case_verb_and_the_trimmed_rest(string? text, string verb, string? argument)
    {
        Assert.Equal((verb, argument), CommandParser.Parse(text));
    }

    [Fact]
    public void Help_view_lists_every_command_in_its_table()
    {
        var view = HelpView.Create(Wording.English);

        Assert.Equal(
            ["onboard [account]", "status [account]", "alerts here", "alerts off", "rotate <account>", "offboard <account>", "audit <account>", "erase <account>", "cancel [account]", "help"],
            view.Table!.Rows.Select(r => r[0]));
        Assert.Contains("onboard [account]", view.Summary, StringComparison.Ordinal);
    }
}
