using System.Net;
using Onboarding.Bot.Tests.Slack.Infrastructure;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>What reaches the engine from mentions, direct messages, clicks and slash commands — and what does not.</summary>
public sealed class SlackInboundTests : IAsyncLifetime
{
    private readonly RecordingCommandHandler _engine = new();
    private SlackBotHost _host = null!;

    // One worker keeps commands in arrival order, so "the last one was handled" means "everything before it was too".
    public async Task InitializeAsync() =>
        _host = await SlackBotHost.StartAsync(_engine, new Dictionary<string, string?> { ["Inbox:WorkerConcurrency"] = "1" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_app_mention_becomes_a_command_without_the_mention()
    {
        await _host.Requests.PostEventAsync(SlackPayloads.AppMention("Onboard 1234567_SB1", "Ev-mention"));

        var command = await _engine.WaitForHandledAsync(c => c.DeliveryId == "event/Ev-mention");
        Assert.Equal("onboard", command.Verb);
        Assert.Equal("1234567_SB1", command.Argument);
        Assert.Equal(new ConversationKey("slack", SlackPayloads.TeamId, SlackPayloads.ChannelId), command.Conversation);
        Assert.Equal(SlackPayloads.UserId, command.User.Id);
        Assert.True(command.IsSharedConversation);
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        await _host.Requests.PostEventAsync(SlackPayloads.AppMention("status", "Ev-thread", ts: "1700000300.000300", threadTs: "1700000200.000200"));

        var command = await _engine.WaitForHandledAsync(c => c.DeliveryId == "event/Ev-thread");
        Assert.Equal($"{SlackPayloads.ChannelId}/1700000200.000200", command.Conversation.Conversation);
    }

    [Fact]
    public async Task A_thread_parent_counts_as_top_level()
    {
        await _host.Requests.PostEventAsync(SlackPayloads.AppMention("status", "Ev-parent", ts: "1700000200.000200", threadTs: "1700000200.000200"));

        var command = await _engine.WaitForHandledAsync(c => c.DeliveryId == "event/Ev-parent");
        Assert.Equal(SlackPayloads.ChannelId, command.Conversation.Conversation);
    }

    [Fact]
    public async Task A_direct_message_becomes_a_private_command()
    {
        await _host.Requests.PostEventAsync(SlackPayloads.DirectMessage("help", "Ev-dm"));

        var command = await _engine.WaitForHandledAsync(c => c.DeliveryId == "event/Ev-dm");
        Assert.Equal("help", command.Verb);
        Assert.Equal(SlackPayloads.DirectChannelId, command.Conversation.Conversation);
        Assert.False(command.IsSharedConversation);
    }

    [Fact]
    public async Task Bot_messages_edits_and_system_messages_are_ignored()
    {
        var fromBot = SlackPayloads.Event("message", "I am the bot", SlackPayloads.DirectChannelId, "1700000400.000001", null, channelType: "im");
        fromBot["bot_id"] = "B0OURS";
        var edit = SlackPayloads.Event("message", "edited", SlackPayloads.DirectChannelId, "1700000400.000002", null, channelType: "im");
        edit["subtype"] = "message_changed";
        var join = SlackPayloads.Event("message", "joined", SlackPayloads.DirectChannelId, "1700000400.000003", null, channelType: "im");
        join["subtype"] = "channel_join";
        var mentionByBot = SlackPayloads.Event("app_mention", "<@U0BOT> help", SlackPayloads.ChannelId, "1700000400.000004", null);
        mentionByBot["bot_id"] = "B0OTHER";

        foreach (var (inner, id) in new[] { (fromBot, "Ev-bot"), (edit, "Ev-edit"), (join, "Ev-join"), (mentionByBot, "Ev-botmention") })
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.Requests.PostEventAsync(SlackPayloads.Envelope(id, inner))).StatusCode);
        }

        await _host.Requests.PostEventAsync(SlackPayloads.DirectMessage("status", "Ev-after"));
        await _engine.WaitForHandledAsync(c => c.DeliveryId == "event/Ev-after");
        Assert.Equal(["event/Ev-after"], _engine.Handled.Select(c => c.DeliveryId));
    }

    [Fact]
    public async Task A_retried_event_runs_once()
    {
        var first = await _host.Requests.PostEventAsync(SlackPayloads.AppMention("onboard", "Ev-retried"));
        var retry = await _host.Requests.PostEventAsync(SlackPayloads.AppMention("onboard", "Ev-retried"), retryNum: 1);
        var again = await _host.Requests.PostEventAsync(SlackPayloads.AppMention("onboard", "Ev-retried"), retryNum: 2);
        await _host.Requests.PostEventAsync(SlackPayloads.AppMention("status", "Ev-next"));

        await _engine.WaitForHandledAsync(c => c.DeliveryId == "event/Ev-next");
        Assert.All(new[] { first, retry, again }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(_engine.Handled, c => c.DeliveryId == "event/Ev-retried");
    }

    [Fact]
    public async Task A_value_button_click_becomes_its_verb_and_data()
    {
        var response = await _host.Requests.PostInteractionAsync(
            SlackPayloads.BlockActions("1-bundle.check", """{"verb":"bundle.check","data":{"session":"s-42"}}""", actionTs: "1700000500.000001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = await _engine.WaitForHandledAsync(c => c.Verb == "bundle.check");
        Assert.Equal("s-42", command.Data["session"]);
        Assert.Null(command.Argument);
        Assert.Equal("pat", command.User.Name);
        Assert.Equal(new ConversationKey("slack", SlackPayloads.TeamId, SlackPayloads.ChannelId), command.Conversation);
    }

    [Fact]
    public async Task A_url_button_click_is_acknowledged_and_runs_nothing()
    {
        var response = await _host.Requests.PostInteractionAsync(
            SlackPayloads.BlockActions("open-0", value: null, url: "https://example.netsuite.com/authorize"));
        await _host.Requests.PostEventAsync(SlackPayloads.DirectMessage("help", "Ev-marker"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _engine.WaitForHandledAsync(c => c.DeliveryId == "event/Ev-marker");
        Assert.Equal(["event/Ev-marker"], _engine.Handled.Select(c => c.DeliveryId));
    }

    [Fact]
    public async Task A_slash_command_maps_to_the_same_command_as_typing_it()
    {
        var response = await _host.Requests.PostCommandAsync("status 1234567_SB1", triggerId: "trigger-status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = await _engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-status");
        Assert.Equal("status", command.Verb);
        Assert.Equal("1234567_SB1", command.Argument);
        Assert.Equal("pat", command.User.Name);
    }

    [Fact]
    public async Task An_empty_slash_command_asks_for_help()
    {
        await _host.Requests.PostCommandAsync(string.Empty, triggerId: "trigger-empty");

        var command = await _engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-empty");
        Assert.Equal("help", command.Verb);
    }
}
