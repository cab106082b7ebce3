using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Onboarding.Bot.Teams;

namespace Onboarding.Bot.Tests.Teams;

public sealed class ActivityCommandsTests
{
    [Fact]
    public void Typed_command_becomes_a_lower_case_verb_and_its_argument()
    {
        var command = ActivityCommands.FromMessage(Message(text: "Onboard  1234567_SB1 "));

        Assert.Equal("onboard", command.Verb);
        Assert.Equal("1234567_SB1", command.Argument);
        Assert.Empty(command.Data);
        Assert.Equal("msteams|tenant-1|a:conv", command.Conversation.ToString());
        Assert.Equal("aad-pat", command.User.Id);
        Assert.Equal("incoming-1", command.DeliveryId);
        Assert.False(command.IsSharedConversation);
    }

    [Fact]
    public void Card_submit_carries_its_verb_and_string_data_but_not_nested_objects()
    {
        var value = JObject.Parse("""{"verb":"Bundle.Check","session":"s-1","attempt":2,"msteams":{"type":"messageBack"}}""");

        var command = ActivityCommands.FromMessage(Message(text: null, value: value));

        Assert.Equal("bundle.check", command.Verb);
        Assert.Null(command.Argument);
        Assert.Equal(new Dictionary<string, string> { ["session"] = "s-1", ["attempt"] = "2" }, command.Data);
    }

    [Fact]
    public void Channel_conversations_are_shared()
    {
        var activity = Message(text: "status");
        activity.Conversation.ConversationType = "channel";

        Assert.True(ActivityCommands.FromMessage(activity).IsSharedConversation);
    }

    [Fact]
    public void Execute_click_takes_its_verb_from_the_action_and_its_data_as_command_data()
    {
        var activity = Message(text: null);
        activity.Type = ActivityTypes.Invoke;
        var action = new AdaptiveCardInvokeAction { Type = "Action.Execute", Verb = "Onboarding.Retry", Data = JObject.Parse("""{"session":"s-1","verb":"ignored"}""") };

        var command = ActivityCommands.FromCardAction(activity, action);

        Assert.NotNull(command);
        Assert.Equal("onboarding.retry", command.Verb);
        Assert.Equal(new Dictionary<string, string> { ["session"] = "s-1" }, command.Data);
        Assert.Equal("incoming-1", command.DeliveryId);
    }

    [Fact]
    public void Execute_click_without_an_action_verb_falls_back_to_the_data_verb_or_names_nothing()
    {
        var activity = Message(text: null);
        activity.Type = ActivityTypes.Invoke;

        var fromData = ActivityCommands.FromCardAction(activity, new AdaptiveCardInvokeAction { Type = "Action.Execute", Data = JObject.Parse("""{"verb":"help"}""") });
        var nothing = ActivityCommands.FromCardAction(activity, new AdaptiveCardInvokeAction { Type = "Action.Execute" });

        Assert.Equal("help", fromData?.Verb);
        Assert.Null(nothing);
    }

    private static Activity Message(string? text, JObject? value = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-1",
        ChannelId = "msteams",
        Text = text,
        Value = value,
        From = new ChannelAccount("29:pat", "Pat", aadObjectId: "aad-pat"),
        Recipient = new ChannelAccount("28:bot", "Onboarding"),
        Conversation = new ConversationAccount(id: "a:conv", tenantId: "tenant-1", conversationType: "personal"),
    };
}
