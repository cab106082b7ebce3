using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>
/// Customer-success use: a rep onboards a client in a shared channel, anyone there can click, <c>status</c> lists what
/// was started there, and staff (Onboarding:StaffUserIds) see every tenant from anywhere.
/// </summary>
public sealed class SharedConversationTests : IAsyncLifetime
{
    private const string StaffAadId = "aad-29:user-vic";

    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;
    private TeamsActivities _channel = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(new Dictionary<string, string?> { ["Onboarding:StaffUserIds:0"] = StaffAadId });
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
        _channel = _bed.Conversation("19:client-contoso@thread.tacv2", shared: true);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task Onboarding_started_in_a_channel_shows_who_started_it_and_anyone_there_can_click()
    {
        await _bed.SendAsync(_channel.MentionMessage("onboard 1234567_SB1", userId: "29:user-sam", userName: "Sam"));
        var card = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _channel.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();
        Assert.Contains(card.CardTexts, t => t.StartsWith("Started by Sam", StringComparison.Ordinal));

        // Someone else in the channel (the client's admin) presses Cancel on the rep's card.
        await _bed.SendAsync(_channel.Submit(card.SubmitData("Cancel"), card.AssignedId, userId: "29:user-kim", userName: "Kim"));

        var cancelled = (await _bed.Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"))).Last();
        Assert.True(cancelled.Shows("Started by Sam"));
    }

    [Fact]
    public async Task Status_in_a_channel_lists_the_tenants_started_there_with_their_step()
    {
        var onboarding = new TeamsOnboarding(_bed, _browser, _channel);
        await onboarding.StartAsync();

        await _bed.SendAsync(_channel.MentionMessage("status"));

        var status = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _channel.ConversationId && a.Shows("Onboardings in this conversation"))).Single();
        Assert.Contains("1234567_SB1", status.CardTexts);
        Assert.Contains(status.CardTexts, t => t.Contains("step 1", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Status_elsewhere_shows_only_that_conversation_but_staff_see_every_tenant()
    {
        await new TeamsOnboarding(_bed, _browser, _channel).StartAsync();
        var other = _bed.Conversation("a:someone-else");

        await _bed.SendAsync(other.Message("status", userId: "29:user-kim", userName: "Kim"));
        await _bed.SendAsync(_bed.Teams.Message("status", userId: "29:user-vic", userName: "Vic"));

        var stranger = (await _bed.Connector.WaitForAsync(a => a.ConversationId == other.ConversationId)).Single();
        Assert.DoesNotContain("1234567_SB1", stranger.CardTexts);
        var staff = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId)).Single();
        Assert.True(staff.Shows("Status of every tenant"));
        Assert.Contains("1234567_SB1", staff.CardTexts);
    }
}
