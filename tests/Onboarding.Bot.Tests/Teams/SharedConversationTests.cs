using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>
/// Customer-success use: a rep onboards a client in a shared channel, anyone there can move it on but only its starter
/// (or staff) can stop it, <c>status</c> lists what was started there, and staff (Onboarding:Roles) see every tenant from anywhere.
/// </summary>
public sealed class SharedConversationTests() : BotAndBrowserTest(new Dictionary<string, string?> { ["Onboarding:Roles:Success:0"] = TeamsActivities.RoleEntryOf("29:user-vic") })
{
    private TeamsActivities _channel = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _channel = Bed.Conversation("19:client-contoso@thread.tacv2", shared: true);
    }

    [Fact]
    public async Task Onboarding_started_in_a_channel_shows_who_started_it_and_only_they_can_cancel_it()
    {
        await Bed.SendAsync(_channel.MentionMessage("onboard 1234567_SB1", userId: "29:user-sam", userName: "Sam"));
        var card = (await Bed.Connector.WaitForAsync(a => a.ConversationId == _channel.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();
        Assert.Contains(card.CardTexts, t => t.StartsWith("Started by Sam", StringComparison.Ordinal));

        // Someone else in the channel presses Cancel on the rep's card: refused, nothing changes.
        await Bed.SendAsync(_channel.Submit(card.SubmitData("Cancel"), card.AssignedId, userId: "29:user-kim", userName: "Kim"));
        await Bed.Connector.WaitForAsync(a => a.ConversationId == _channel.ConversationId && !a.IsUpdate && a.Shows("Only whoever started this onboarding can do that"));
        Assert.DoesNotContain(Bed.Connector.Activities, a => a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"));

        await Bed.SendAsync(_channel.Submit(card.SubmitData("Cancel"), card.AssignedId, userId: "29:user-sam", userName: "Sam"));

        var cancelled = (await Bed.Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"))).Last();
        Assert.True(cancelled.Shows("Started by Sam"));
    }

    [Fact]
    public async Task The_clients_admin_in_the_channel_can_move_the_reps_onboarding_on()
    {
        var onboarding = new TeamsOnboarding(Bed, Browser, _channel);
        var step2 = await onboarding.AuthorizeAsync(await onboarding.StartAsync(userId: "29:user-sam", userName: "Sam"));

        var final = await onboarding.InstallAndConfirmAsync(step2, userId: "29:user-kim", userName: "Kim");

        Assert.True(final.Shows("is connected"));
    }

    [Fact]
    public async Task Status_in_a_channel_lists_the_tenants_started_there_with_their_step()
    {
        var onboarding = new TeamsOnboarding(Bed, Browser, _channel);
        await onboarding.StartAsync();

        await Bed.SendAsync(_channel.MentionMessage("status"));

        var status = (await Bed.Connector.WaitForAsync(a => a.ConversationId == _channel.ConversationId && a.Shows("Onboardings in this conversation"))).Single();
        Assert.Contains("1234567_SB1", status.CardTexts);
        Assert.Contains(status.CardTexts, t => t.Contains("step 1", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Status_elsewhere_shows_only_that_conversation_but_staff_see_every_tenant()
    {
        await new TeamsOnboarding(Bed, Browser, _channel).StartAsync();
        var other = Bed.Conversation("a:someone-else");

        await Bed.SendAsync(other.Message("status", userId: "29:user-kim", userName: "Kim"));
        await Bed.SendAsync(Bed.Teams.Message("status", userId: "29:user-vic", userName: "Vic"));

        var stranger = (await Bed.Connector.WaitForAsync(a => a.ConversationId == other.ConversationId)).Single();
        Assert.DoesNotContain("1234567_SB1", stranger.CardTexts);
        var staff = (await Bed.Connector.WaitForAsync(a => a.ConversationId == Bed.Teams.ConversationId)).Single();
        Assert.True(staff.Shows("Status of every tenant"));
        Assert.Contains("1234567_SB1", staff.CardTexts);
    }
}
