using Microsoft.Extensions.DependencyInjection;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Health;

/// <summary>Alerts through the real Teams publisher to the connector stand-in, including a channel that removed the bot.</summary>
public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private ConnectorStandIn _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _host = BotHost.Start(new Dictionary<string, string?> { ["Health:Enabled"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_channel_answering_403_is_unsubscribed_and_the_other_channel_still_gets_the_alert()
    {
        var kept = await SubscribedChannelAsync("19:ops-kept@thread.tacv2");
        var removed = await SubscribedChannelAsync("19:ops-removed@thread.tacv2");
        _connector.Refuse(removed.Conversation, 403);
        var dispatcher = _host.Services.GetRequiredService<AlertDispatcher>();

        var delivered = await dispatcher.BroadcastAsync(_ => new StepView("🔴 Contoso — connection down", "down", Tone.Attention), CardSlot.ForAlert("incident-1"), AlertKind.Down, CancellationToken.None);

        Assert.Equal(1, delivered);
        var alert = Assert.Single(await _connector.WaitForAsync(a => a.ConversationId == kept.Conversation && a.CardTexts.Contains("🔴 Contoso — connection down")));
        Assert.Equal("POST", alert.Method);
        var subscriptions = _host.Services.GetRequiredService<AlertSubscriptionStore>();
        Assert.Equal([kept.Key], await subscriptions.ActiveAsync(CancellationToken.None));
        Assert.Contains("403", await subscriptions.DisabledReasonAsync(removed.Key, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alert_card_is_updated_in_place_in_its_slot()
    {
        var channel = await SubscribedChannelAsync("19:ops-updates@thread.tacv2");
        var dispatcher = _host.Services.GetRequiredService<AlertDispatcher>();
        var slot = CardSlot.ForAlert("incident-2");

        await dispatcher.BroadcastAsync(_ => new StepView("🔴 Contoso — connection down", "down", Tone.Attention), slot, AlertKind.Down, CancellationToken.None);
        await dispatcher.BroadcastAsync(_ => new StepView("🟢 Contoso — recovered", "recovered", Tone.Good), slot, AlertKind.Update, CancellationToken.None);

        var shown = await _connector.WaitForAsync(a => a.ConversationId == channel.Conversation && a.AdaptiveCard is not null && a.CardTexts.Any(t => t.Contains("Contoso", StringComparison.Ordinal)), count: 2);
        Assert.Equal("POST", shown[0].Method);
        Assert.Equal("PUT", shown[1].Method);
        Assert.Equal(shown[0].AssignedId, shown[1].ActivityId);
    }

    // The bot has heard from the channel (so it holds a conversation reference), and staff subscribed it.
    private async Task<(string Conversation, ConversationKey Key)> SubscribedChannelAsync(string conversationId)
    {
        var teams = new TeamsActivities(_connector.ServiceUrl, conversationId, shared: true);
        await _host.PostActivityAsync(teams.MentionMessage("help"));
        await _connector.WaitForAsync(a => a.ConversationId == conversationId);
        var key = new ConversationKey("msteams", TeamsActivities.TenantId, conversationId);
        await _host.Services.GetRequiredService<AlertSubscriptionStore>().SubscribeAsync(key, new ChatUser("29:staff", "Vic"), CancellationToken.None);
        return (conversationId, key);
    }
}
