using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>Proactive posts through the host's <see cref="IChatPublisher"/>: stored references, cards updated in place.</summary>
public sealed class TeamsPublisherTests : IAsyncLifetime
{
    private static readonly ConversationKey Conversation = new("msteams", TeamsActivities.TenantId, TeamsActivities.DefaultConversationId);

    private BotTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BotTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private IChatPublisher Publisher => _bed.Service<IChatPublisher>();

    [Fact]
    public async Task View_for_the_same_slot_updates_the_card_it_posted_before()
    {
        await _bed.SendAsync(_bed.Teams.Message("help"));
        await _bed.Connector.WaitForAsync(a => a.ConversationId == Conversation.Conversation);
        var slot = CardSlot.ForOnboarding("session-1");

        await Publisher.PublishAsync(Conversation, new StepView("Connect NetSuite", "Step 1 of 4"), slot, CancellationToken.None);
        await Publisher.PublishAsync(Conversation, new StepView("Connect NetSuite", "Step 2 of 4"), slot, CancellationToken.None);

        var posted = _bed.Connector.Activities[1];
        var updated = _bed.Connector.Activities[2];
        Assert.Equal("POST", posted.Method);
        Assert.True(updated.IsUpdate);
        Assert.Equal(posted.AssignedId, updated.ActivityId);
        Assert.Equal("Step 2 of 4", (string?)updated.Body["summary"]);
    }

    [Fact]
    public async Task Concurrent_views_for_a_new_slot_post_one_card_and_update_it()
    {
        await _bed.SendAsync(_bed.Teams.Message("help"));
        await _bed.Connector.WaitForAsync(a => a.ConversationId == Conversation.Conversation);
        var slot = CardSlot.ForOnboarding("session-race");

        // An OAuth callback can publish while the card's first post is still in flight.
        await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            Publisher.PublishAsync(Conversation, new StepView("Connect NetSuite", $"version {i}"), slot, CancellationToken.None)));

        var card = _bed.Connector.Activities.Skip(1).ToList();
        Assert.Single(card, a => !a.IsUpdate);
        Assert.Equal(4, card.Count(a => a.IsUpdate && a.ActivityId == card.Single(p => !p.IsUpdate).AssignedId));
    }

    [Fact]
    public async Task Views_without_a_slot_are_each_posted_as_new_messages()
    {
        await _bed.SendAsync(_bed.Teams.Message("help"));
        await _bed.Connector.WaitForAsync(a => a.ConversationId == Conversation.Conversation);

        await Publisher.PublishAsync(Conversation, new StepView("Authorized", "Authorization received"), slot: null, CancellationToken.None);
        await Publisher.PublishAsync(Conversation, new StepView("Connected", "Onboarding completed"), slot: null, CancellationToken.None);

        Assert.All(_bed.Connector.Activities, a => Assert.False(a.IsUpdate));
        Assert.Equal(3, _bed.Connector.Activities.Count);
    }

    [Fact]
    public async Task Publishing_where_the_bot_was_never_spoken_to_is_refused()
    {
        var stranger = new ConversationKey("msteams", TeamsActivities.TenantId, "a:never-seen");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Publisher.PublishAsync(stranger, new StepView("Hello", "Hello"), slot: null, CancellationToken.None));

        Assert.Contains("a:never-seen", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_to_a_channel_nobody_serves_is_refused()
    {
        var slack = new ConversationKey("nochannel", "T1", "C1");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Publisher.PublishAsync(slack, new StepView("Hello", "Hello"), slot: null, CancellationToken.None));
    }

    [Fact]
    public async Task Unreachable_connector_fails_the_publish_instead_of_being_swallowed()
    {
        await _bed.SendAsync(_bed.Teams.Message("help"));
        await _bed.Connector.WaitForAsync(a => a.ConversationId == Conversation.Conversation);
        await _bed.Connector.DisposeAsync();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            Publisher.PublishAsync(Conversation, new StepView("Hello", "Hello"), slot: null, CancellationToken.None));
    }
}
