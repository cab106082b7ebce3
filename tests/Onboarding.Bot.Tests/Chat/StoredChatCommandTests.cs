using Onboarding.Engine.Conversations;
using Onboarding.Engine.Conversations.Inbox;

namespace Onboarding.Bot.Tests.Chat;

/// <summary>A command read back from the command inbox is the command that was stored, card data and thread included.</summary>
public sealed class StoredChatCommandTests
{
    [Fact]
    public void A_click_with_card_data_in_a_thread_survives_the_round_trip()
    {
        var command = new ChatCommand(
            new ConversationKey("slack", "T0TEAM", "C0CHANNEL/1700000000.000001"),
            new ChatUser("U0PERSON", "Pat O'Neil"),
            "retry",
            null,
            new Dictionary<string, string> { ["session"] = "s-1", ["account"] = "1234567_SB1" },
            "action/T0TEAM/1700000200.000001/0-retry",
            IsSharedConversation: true);

        var read = StoredChatCommand.Deserialize(StoredChatCommand.Serialize(command));

        Assert.Equal(command.Conversation, read.Conversation);
        Assert.Equal(command.User, read.User);
        Assert.Equal(command.Verb, read.Verb);
        Assert.Null(read.Argument);
        Assert.Equal(command.Data, read.Data);
        Assert.Equal(command.DeliveryId, read.DeliveryId);
        Assert.True(read.IsSharedConversation);
    }
}
