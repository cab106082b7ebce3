using System.Net;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// The steps of an onboarding as people take them in Teams and in the browser: type <c>onboard</c>, authorize on the
/// sandbox's consent page (the redirect reaching the bot over HTTP), install the bundle, click I've installed it.
/// Each step waits for the card update it causes at the connector stand-in.
/// </summary>
public sealed class TeamsOnboarding(BotTestBed bed, AdminBrowser browser, TeamsActivities chat)
{
    public const string Account = "1234567_SB1";

    /// <summary>The activity id of the onboarding card (set by <see cref="StartAsync"/>).</summary>
    public string CardId { get; private set; } = string.Empty;

    /// <summary>Types <paramref name="text"/> and returns the onboarding card it posts.</summary>
    public async Task<RecordedActivity> StartAsync(string text = $"onboard {Account}", string userId = "29:user-pat", string userName = "Pat")
    {
        await bed.SendAsync(chat.Message(text, userId, userName));
        var card = (await bed.Connector.WaitForAsync(a => InChat(a) && !a.IsUpdate && a.HasButton("Authorize in NetSuite"))).Last();
        CardId = card.AssignedId;
        return card;
    }

    /// <summary>Consents as the administrator, follows the redirect to the bot, and returns the card once it shows step 2.</summary>
    public async Task<RecordedActivity> AuthorizeAsync(RecordedActivity card)
    {
        var (status, page, _) = await browser.FollowToBotAsync(await browser.ConsentAsync(card.Link("Authorize in NetSuite")));
        Assert.True(status == HttpStatusCode.OK, page);
        return await CardShowingAsync(a => a.HasButton("I've installed it"));
    }

    /// <summary>
    /// Installs the bundle from the card's link, clicks I've installed it, and returns the final card once the completion
    /// notice (posted after it) has arrived too.
    /// </summary>
    public async Task<RecordedActivity> InstallAndConfirmAsync(RecordedActivity step2, string userId = "29:user-pat", string userName = "Pat")
    {
        await browser.InstallBundleAsync(step2.Link("Open install page"));
        await bed.SendAsync(chat.Submit(step2.SubmitData("I've installed it"), CardId, userId, userName));
        var final = await CardShowingAsync(a => a.Shows("is connected"));
        await bed.Connector.WaitForAsync(a => InChat(a) && !a.IsUpdate && a.Shows("All set"));
        return final;
    }

    /// <summary>The whole onboarding; returns the final card.</summary>
    public async Task<RecordedActivity> CompleteAsync()
    {
        var card = await StartAsync();
        return await InstallAndConfirmAsync(await AuthorizeAsync(card));
    }

    /// <summary>Waits for an update of the onboarding card matching <paramref name="match"/>.</summary>
    public async Task<RecordedActivity> CardShowingAsync(Func<RecordedActivity, bool> match) =>
        (await bed.Connector.WaitForAsync(a => InChat(a) && a.IsUpdate && a.ActivityId == CardId && match(a))).Last();

    /// <summary>Every update of the onboarding card, in order.</summary>
    public IReadOnlyList<RecordedActivity> CardUpdates => [.. bed.Connector.Activities.Where(a => InChat(a) && a.IsUpdate && a.ActivityId == CardId)];

    /// <summary>Every new message (not an update) posted in this conversation.</summary>
    public IReadOnlyList<RecordedActivity> Posts => [.. bed.Connector.Activities.Where(a => InChat(a) && !a.IsUpdate)];

    private bool InChat(RecordedActivity activity) => activity.ConversationId == chat.ConversationId;
}
