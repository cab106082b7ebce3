using System.Net;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>The walking skeleton end to end: a real activity over HTTP in, a card at the connector stand-in out.</summary>
public sealed class HelpConversationTests : IAsyncLifetime
{
    private BotTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BotTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Help_typed_in_a_chat_arrives_as_a_card_listing_every_command()
    {
        var response = await _bed.SendAsync(_bed.Teams.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId));
        Assert.Equal("POST", reply.Method);
        Assert.NotNull(reply.AdaptiveCard);
        Assert.Equal("1.5", (string?)reply.AdaptiveCard!["version"]);
        foreach (var command in new[] { "onboard [account]", "status [account]", "alerts here", "alerts off", "rotate <account>", "offboard <account>", "cancel [account]", "help" })
        {
            Assert.Contains(command, reply.CardTexts);
        }
    }

    [Fact]
    public async Task Help_is_answered_within_its_own_turn_and_stores_no_command()
    {
        var message = _bed.Teams.Message("help");

        var response = await _bed.SendAsync(message);

        // Answered before the HTTP answer went back, as a reply to the message itself (not a proactive post).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_bed.Connector.Activities, a => a.ConversationId == _bed.Teams.ConversationId);
        Assert.Equal((string?)message["id"], reply.ActivityId);
        await using var read = await Engine.Storage.StorageTransaction.BeginAsync(_bed.Service<Engine.Storage.Database>(), write: false, CancellationToken.None);
        Assert.Equal(0L, await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM chat_inbox", null, CancellationToken.None));
        Assert.Equal(0L, await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM processed_deliveries", null, CancellationToken.None));
    }

    [Fact]
    public async Task Help_from_a_Teams_client_in_German_is_answered_in_German_and_the_conversation_keeps_its_zone()
    {
        var message = _bed.Teams.Message("help");
        message["locale"] = "de-DE";
        message["localTimezone"] = "Europe/Berlin";

        await _bed.SendAsync(message);

        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId));
        Assert.True(reply.Shows("was ich kann"));
        Assert.Contains("offboard <Konto>", reply.CardTexts);
        Assert.False(reply.Shows("what I can do"));
        var told = await _bed.Service<ConversationLocales>()
            .FindAsync(new ConversationKey("msteams", TeamsActivities.TenantId, _bed.Teams.ConversationId), CancellationToken.None);
        Assert.Equal(new ChannelLocale("de-DE", "Europe/Berlin"), told);
    }

    [Fact]
    public async Task Help_from_a_client_in_an_unshipped_language_is_answered_in_English()
    {
        var message = _bed.Teams.Message("help");
        message["locale"] = "pt-BR";

        await _bed.SendAsync(message);

        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId));
        Assert.True(reply.Shows("what I can do"));
    }

    [Fact]
    public async Task Unknown_text_is_answered_with_help_rather_than_silence()
    {
        await _bed.SendAsync(_bed.Teams.Message("what can you do?"));

        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId));
        Assert.True(reply.Shows("what I can do"));
    }

    [Fact]
    public async Task Help_after_an_at_mention_in_a_channel_is_understood()
    {
        var channel = _bed.Conversation("19:channel-1@thread.tacv2", shared: true);

        await _bed.SendAsync(channel.MentionMessage("HELP"));

        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == channel.ConversationId));
        Assert.True(reply.Shows("what I can do"));
    }

    [Fact]
    public async Task Bot_added_to_a_conversation_greets_with_the_welcome_card()
    {
        await _bed.SendAsync(_bed.Teams.MembersAdded());

        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId));
        Assert.Contains("Let's connect NetSuite", reply.CardTexts);
        var buttons = reply.AdaptiveCard!["body"]!.AsArray().Last(e => (string?)e!["type"] == "ActionSet")!["actions"]!.AsArray();
        Assert.Equal("onboard", (string?)buttons[0]!["data"]!["verb"]);
    }

    [Fact]
    public async Task Person_joining_a_channel_is_not_greeted_again()
    {
        var channel = _bed.Conversation("19:channel-2@thread.tacv2", shared: true);

        var response = await _bed.SendAsync(channel.MembersAdded(includeBot: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bed.Connector.Activities);
    }

    [Fact]
    public async Task Clicking_a_card_button_sends_its_verb_to_the_engine()
    {
        var click = _bed.Teams.Submit(new System.Text.Json.Nodes.JsonObject { ["verb"] = "help" }, replyToId: "standin-activity-1");

        await _bed.SendAsync(click);

        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId));
        Assert.True(reply.Shows("what I can do"));
    }
}
