using Onboarding.Bot.Slack.WebApi;
using Onboarding.Bot.Tests.Slack.Infrastructure;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>
/// Slack sends no locale with a command: the bot asks <c>users.info</c> with <c>include_locale</c>, once per member while
/// the answer is fresh, and answers in the member's language; a workspace that cannot tell gets English.
/// </summary>
public sealed class SlackLocaleTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_member_whose_Slack_locale_is_German_is_answered_in_German_and_asked_about_once()
    {
        _host.Slack.Members[SlackPayloads.UserId] = ("de-DE", "Europe/Berlin");

        await _host.Requests.PostCommandAsync("help", triggerId: "trigger-de-1");
        await _host.Slack.WaitForAsync(c => c.Method == SlackWebApiClient.PostMessageMethod && c.Shows("was ich kann"));
        await _host.Requests.PostCommandAsync("help", triggerId: "trigger-de-2");
        await _host.Slack.WaitForAsync(c => c.Method == SlackWebApiClient.PostMessageMethod && c.Shows("was ich kann"), count: 2);

        var asked = Assert.Single(_host.Slack.Calls, c => c.Method == SlackWebApiClient.UsersInfoMethod);
        Assert.Equal(SlackPayloads.UserId, asked.Form["user"].ToString());
        Assert.Equal("true", asked.Form["include_locale"].ToString());
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Shows("what I can do"));
        var told = await _host.Services.GetRequiredService<ConversationLocales>()
            .FindAsync(new ConversationKey("slack", SlackPayloads.TeamId, SlackPayloads.ChannelId), CancellationToken.None);
        Assert.Equal(new ChannelLocale("de-DE", "Europe/Berlin"), told);
    }

    [Fact]
    public async Task A_workspace_that_did_not_grant_users_read_is_answered_in_English()
    {
        _host.Slack.Members[SlackPayloads.UserId] = ("fr-FR", "Europe/Paris");
        _host.Slack.EnqueueError(SlackWebApiClient.UsersInfoMethod, "missing_scope");

        await _host.Requests.PostCommandAsync("help", triggerId: "trigger-scope");

        await _host.Slack.WaitForAsync(c => c.Method == SlackWebApiClient.PostMessageMethod && c.Shows("what I can do"));
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Shows("ce que je sais faire"));
    }
}
