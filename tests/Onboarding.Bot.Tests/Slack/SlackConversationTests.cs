using Onboarding.Bot.Slack;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>How Slack channels and threads map to conversation keys, and back.</summary>
public sealed class SlackConversationTests
{
    [Fact]
    public void A_top_level_message_is_keyed_by_team_and_channel()
    {
        var key = SlackConversation.OfMessage("T1", "C1", "1700000000.000100", threadTs: null).ToKey();

        Assert.Equal("slack|T1|C1", key.ToString());
    }

    [Fact]
    public void A_reply_is_keyed_by_its_thread()
    {
        var key = SlackConversation.OfMessage("T1", "C1", "1700000000.000200", threadTs: "1700000000.000100").ToKey();

        Assert.Equal("slack|T1|C1/1700000000.000100", key.ToString());
    }

    [Fact]
    public void A_key_reads_back_as_channel_and_thread()
    {
        var conversation = SlackConversation.FromKey(ConversationKey.Parse("slack|T1|C1/1700000000.000100"));

        Assert.Equal(new SlackConversation("T1", "C1", "1700000000.000100"), conversation);
        Assert.Equal(new SlackConversation("T1", "D1", null), SlackConversation.FromKey(ConversationKey.Parse("slack|T1|D1")));
    }

    [Fact]
    public void Only_direct_messages_are_private()
    {
        Assert.True(new SlackConversation("T1", "D1", null).IsDirectMessage);
        Assert.False(new SlackConversation("T1", "C1", null).IsDirectMessage);
        Assert.False(new SlackConversation("T1", "G1", null).IsDirectMessage);
    }

    [Fact]
    public void A_teams_key_is_not_a_slack_conversation()
    {
        Assert.Throws<ArgumentException>(() => SlackConversation.FromKey(new ConversationKey("msteams", "tenant", "19:abc")));
    }
}
