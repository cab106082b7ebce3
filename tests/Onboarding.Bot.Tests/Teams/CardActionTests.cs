using System.Net;
using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>Card buttons as Teams delivers them: <c>Action.Execute</c> invokes need an answer in the same HTTP response.</summary>
public sealed class CardActionTests : IAsyncLifetime
{
    private BotTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BotTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Execute_is_answered_at_once_with_a_message_and_the_engine_posts_the_result()
    {
        var response = await _bed.SendAsync(_bed.Teams.Execute("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["value"]));
        var reply = Assert.Single(await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId));
        Assert.True(reply.Shows("what I can do"));
    }

    [Fact]
    public async Task Execute_carries_its_data_to_the_engine()
    {
        await _bed.SendAsync(_bed.Teams.Execute("onboard", new JsonObject { ["account"] = "1234567_SB1" }));

        var card = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();
        Assert.Contains("Connect NetSuite 1234567_SB1", card.CardTexts);
    }

    [Fact]
    public async Task Execute_without_a_verb_is_refused_in_the_invoke_response()
    {
        var invoke = _bed.Teams.Execute(" ");

        var response = await _bed.SendAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
    }

    [Fact]
    public async Task Submit_and_Execute_of_the_same_button_reach_the_same_command()
    {
        var channel = _bed.Conversation("19:channel-actions@thread.tacv2", shared: true);

        await _bed.SendAsync(channel.Submit(new JsonObject { ["verb"] = "onboard", ["account"] = "1234567_SB1" }));
        await _bed.SendAsync(_bed.Teams.Execute("onboard", new JsonObject { ["account"] = "1234568" }));

        var submitted = (await _bed.Connector.WaitForAsync(a => a.ConversationId == channel.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();
        var executed = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();
        Assert.Contains("Connect NetSuite 1234567_SB1", submitted.CardTexts);
        Assert.Contains("Connect NetSuite 1234568", executed.CardTexts);
    }
}
