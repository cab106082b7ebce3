using System.Net;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>
/// The steps of one onboarding as people take them in a Slack channel and in the browser: ask with a slash command or a
/// mention, authorize on the sandbox's consent page (the redirect reaching the bot over HTTP), install the bundle, click
/// I've installed it. Each step waits for what it causes at the fake Slack Web API.
/// </summary>
public sealed class SlackOnboarding(SlackBotHost host, AdminBrowser browser, string account = SlackOnboarding.DemoAccount)
{
    public const string DemoAccount = "1234567_SB1";

    /// <summary>The <c>ts</c> of the onboarding's one message (set when it is first posted).</summary>
    public string CardTs { get; private set; } = string.Empty;

    public string Account => account;

    /// <summary>Types <c>/netsuite onboard {account}</c> and returns the onboarding card it posts.</summary>
    public async Task<RecordedSlackCall> StartWithSlashCommandAsync(string triggerId)
    {
        Acknowledged(await host.Requests.PostCommandAsync($"onboard {account}", triggerId: triggerId));
        return await CardPostedAsync();
    }

    /// <summary>Says <c>@bot onboard {account}</c> in the channel and returns the onboarding card it posts.</summary>
    public async Task<RecordedSlackCall> StartWithMentionAsync(string eventId, string ts)
    {
        Acknowledged(await host.Requests.PostEventAsync(SlackPayloads.AppMention($"onboard {account}", eventId, ts: ts)));
        return await CardPostedAsync();
    }

    /// <summary>
    /// Clicks Authorize (a URL button: Slack still reports the click), consents as the administrator, follows the
    /// redirect to the bot, and returns the card once it shows step 2 and the notice has arrived in its thread.
    /// </summary>
    public async Task<RecordedSlackCall> AuthorizeAsync(RecordedSlackCall card)
    {
        Acknowledged(await host.Requests.ClickAsync(card, "Authorize in NetSuite", CardTs));
        var (status, page, _) = await browser.FollowToBotAsync(await browser.ConsentAsync(card.Link("Authorize in NetSuite")));
        Assert.True(status == HttpStatusCode.OK, page);
        var step2 = await CardShowingAsync(c => c.HasButton("I've installed it"));
        await NoticeAsync("Authorization received");
        return step2;
    }

    /// <summary>Installs the bundle from the card's link and clicks I've installed it; returns the acknowledgement.</summary>
    public async Task<HttpResponseMessage> InstallAndClickAsync(RecordedSlackCall step2)
    {
        await browser.InstallBundleAsync(step2.Link("Open install page"));
        return await host.Requests.ClickAsync(step2, "I've installed it", CardTs);
    }

    /// <summary>Installs, confirms, and returns the final card once the completion notice has arrived in its thread too.</summary>
    public async Task<RecordedSlackCall> InstallAndConfirmAsync(RecordedSlackCall step2)
    {
        Acknowledged(await InstallAndClickAsync(step2));
        var final = await CardShowingAsync(c => c.Shows("is connected"));
        await NoticeAsync("All set");
        return final;
    }

    /// <summary>Waits for an update of the onboarding card matching <paramref name="match"/>.</summary>
    public async Task<RecordedSlackCall> CardShowingAsync(Func<RecordedSlackCall, bool> match) =>
        (await host.Slack.WaitForAsync(c => IsCardUpdate(c) && match(c))).Last();

    /// <summary>Waits for a notice containing <paramref name="text"/> in the card's thread.</summary>
    public async Task<RecordedSlackCall> NoticeAsync(string text) =>
        (await host.Slack.WaitForAsync(c => c.Method == SlackWebApiClient.PostMessageMethod && c.ThreadTs == CardTs && c.Shows(text))).Last();

    /// <summary>Every chat.update of the onboarding card, in order.</summary>
    public IReadOnlyList<RecordedSlackCall> CardUpdates => [.. host.Slack.Calls.Where(IsCardUpdate)];

    /// <summary>Every message posted in the card's thread, in order.</summary>
    public IReadOnlyList<RecordedSlackCall> ThreadPosts =>
        [.. host.Slack.Calls.Where(c => c.Method == SlackWebApiClient.PostMessageMethod && c.ThreadTs == CardTs)];

    private bool IsCardUpdate(RecordedSlackCall call) => call.Method == SlackWebApiClient.UpdateMethod && call.Ts == CardTs;

    private async Task<RecordedSlackCall> CardPostedAsync()
    {
        var card = (await host.Slack.WaitForAsync(c => c.Method == SlackWebApiClient.PostMessageMethod && c.ThreadTs is null
            && c.HasButton("Authorize in NetSuite") && c.Shows(account))).Single();
        CardTs = card.AnsweredTs!;
        return card;
    }

    private static void Acknowledged(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
