using System.Net.Http.Json;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>
/// A whole onboarding in a Teams chat against the embedded sandbox: real host, CloudAdapter, HTTP everywhere — once per
/// storage provider (the PostgreSQL run is skipped without PostgreSQL installed, except under CI).
/// </summary>
public abstract class OnboardingConversationTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly LogRecorder _logs = new();
    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;
    private TeamsOnboarding _onboarding = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(configureServices: services => services.AddSingleton<ILoggerProvider>(_logs), provider: provider);
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
        _onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
    }

    public async Task DisposeAsync()
    {
        // Also after a start-up that was skipped (no PostgreSQL): whatever was made is released.
        _browser?.Dispose();
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }

        _logs.Dispose();
    }

    [SkippableFact]
    public async Task The_non_OneWorld_production_style_account_onboards_just_as_the_sandbox_one()
    {
        var card = await _onboarding.StartAsync("onboard 7654321");
        Assert.Contains("Connect NetSuite 7654321", card.CardTexts);

        var final = await _onboarding.InstallAndConfirmAsync(await _onboarding.AuthorizeAsync(card));

        Assert.Contains(final.CardTexts, t => t.Contains("Demo Company (7654321) is connected 🎉", StringComparison.Ordinal));
        Assert.DoesNotContain(final.CardTexts, t => t is "⏳" or "○" or "✗");
    }

    [SkippableFact]
    public async Task Whole_onboarding_reaches_Completed_on_one_card_updated_in_place()
    {
        var card = await _onboarding.StartAsync();
        Assert.Contains("Connect NetSuite 1234567_SB1", card.CardTexts);
        Assert.True(card.Shows("Step 1 of 4"));

        var step2 = await _onboarding.AuthorizeAsync(card);
        Assert.True(step2.Shows("Step 2 of 4"));
        Assert.Contains(_onboarding.Posts, p => p.Shows("Authorization received"));

        var final = await _onboarding.InstallAndConfirmAsync(step2);

        Assert.Contains(final.CardTexts, t => t.Contains("is connected 🎉", StringComparison.Ordinal));
        Assert.DoesNotContain(final.CardTexts, t => t is "⏳" or "○" or "✗");
        Assert.Contains("Certificate", final.CardTexts);
        Assert.Contains(final.CardTexts, t => t.StartsWith("revoked at", StringComparison.Ordinal));
        Assert.True(final.HasButton("View status"));
        Assert.Equal("1.5", (string?)final.AdaptiveCard!["version"]);

        // One card, moved on in place: the only other messages are the two notices that deserve one.
        var posts = _onboarding.Posts;
        Assert.Equal(3, posts.Count);
        Assert.Same(card, posts[0]);
        Assert.Contains(posts, p => p.Shows("Authorization received"));
        Assert.Contains(posts, p => p.Shows("All set"));
        var updates = _onboarding.CardUpdates;
        Assert.True(updates.Count >= 2, $"{updates.Count} updates");
        Assert.Same(final, updates[^1]);
    }

    [SkippableFact]
    public async Task Authorization_reaches_the_chat_proactively_from_the_callback_alone()
    {
        var card = await _onboarding.StartAsync();
        var before = _bed.Connector.Activities.Count;

        var (status, page, response) = await _browser.FollowToBotAsync(await _browser.ConsentAsync(card.Link("Authorize in NetSuite")));

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("you can close this tab and go back to Teams", page, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var update = await _onboarding.CardShowingAsync(a => a.HasButton("Open install page"));
        Assert.True(_bed.Connector.Activities.ToList().IndexOf(update) >= before);
        Assert.True(update.Shows("Authorized as"));
    }

    [SkippableFact]
    public async Task A_click_delivered_twice_runs_the_step_once()
    {
        var step2 = await _onboarding.AuthorizeAsync(await _onboarding.StartAsync());
        await _browser.InstallBundleAsync(step2.Link("Open install page"));
        var click = _bed.Teams.Submit(step2.SubmitData("I've installed it"), _onboarding.CardId);
        await _bed.SendAsync(click);
        await _onboarding.CardShowingAsync(a => a.Shows("is connected"));
        await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId && !a.IsUpdate && a.Shows("All set"));
        var updatesBefore = _onboarding.CardUpdates.Count;
        var postsBefore = _onboarding.Posts.Count;

        // Teams re-sends an activity it got no timely answer to, with the same id.
        await _bed.SendAsync(click.DeepClone().AsObject());

        await _logs.WaitForAsync(l => l.EventId == 308 && l.Message.Contains((string)click["id"]!, StringComparison.Ordinal));
        Assert.Equal(updatesBefore, _onboarding.CardUpdates.Count);
        Assert.Equal(postsBefore, _onboarding.Posts.Count);
    }

    [SkippableFact]
    public async Task Teams_gets_its_answer_while_a_slow_step_is_still_running()
    {
        var step2 = await _onboarding.AuthorizeAsync(await _onboarding.StartAsync());
        await _browser.InstallBundleAsync(step2.Link("Open install page"));
        var sandbox = _bed.Service<EmbeddedSandbox>().BaseAddress;
        using (var control = new HttpClient())
        {
            var fault = new { pathPattern = "*/app/site/hosting/restlet.nl", latencyMs = 30_000, count = 1 };
            (await control.PostAsJsonAsync(new Uri(sandbox, "_sandbox/faults"), fault)).EnsureSuccessStatusCode();
        }

        var updatesBefore = _onboarding.CardUpdates.Count;

        var response = await _bed.SendAsync(_bed.Teams.Submit(step2.SubmitData("I've installed it"), _onboarding.CardId));

        // The bundle check waits 30 s on NetSuite; the click was acknowledged anyway, and the card shows what it is doing,
        // with no I've installed it left to press again meanwhile.
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var running = (await _bed.Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == _onboarding.CardId, count: updatesBefore + 1)).Last();
        Assert.True(running.Shows("checking that Onboarding App is installed"), string.Join(" | ", running.CardTexts));
        Assert.False(running.HasButton("I've installed it"));
        Assert.DoesNotContain(_onboarding.CardUpdates, u => u.Shows("is connected"));
    }

    [SkippableFact]
    public async Task Access_denied_on_the_consent_page_shows_a_clear_page_and_a_retry_on_the_card()
    {
        var card = await _onboarding.StartAsync();

        var (status, page, _) = await _browser.FollowToBotAsync(await _browser.ConsentAsync(card.Link("Authorize in NetSuite"), decision: "deny"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Contains("NetSuite did not grant access", page, StringComparison.Ordinal);
        Assert.Contains("Access was not allowed on NetSuite", page, StringComparison.Ordinal);
        var failed = await _onboarding.CardShowingAsync(a => a.CardTexts.Contains("✗"));
        Assert.True(failed.Buttons.Count is >= 1 and <= 3);
    }

    [SkippableFact]
    public async Task Every_card_sent_during_an_onboarding_is_version_1_5_and_within_28_KB()
    {
        await _onboarding.CompleteAsync();
        await _bed.SendAsync(_bed.Teams.Message("status"));
        await _bed.Connector.WaitForAsync(a => !a.IsUpdate && a.Shows("Onboardings in this conversation"));

        var cards = _bed.Connector.Activities.Where(a => a.AdaptiveCard is not null).ToList();
        Assert.True(cards.Count >= 6, $"{cards.Count} cards");
        Assert.All(cards, c => CardBudget.AssertWithin(c.AdaptiveCard!));
    }
}

/// <summary>The Teams conversation on the default SQLite file.</summary>
public sealed class OnboardingConversationOnSqliteTests() : OnboardingConversationTests(StorageProvider.Sqlite);

/// <summary>The Teams conversation on PostgreSQL.</summary>
public sealed class OnboardingConversationOnPostgreSqlTests() : OnboardingConversationTests(StorageProvider.PostgreSql);
