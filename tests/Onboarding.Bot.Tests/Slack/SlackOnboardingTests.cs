using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Bot.Tests.Slack.Infrastructure;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>
/// Whole onboardings in a Slack channel against the embedded sandbox: signed requests to the real endpoints, the admin's
/// browser over HTTP, and a fake Slack Web API that records every call — once per storage provider.
/// </summary>
public abstract class SlackOnboardingTests(StorageProvider provider) : IAsyncLifetime
{
    private const string SecondAccount = "7654321";

    private readonly TestDirectory _directory = new();
    private SlackBotHost _host = null!;
    private AdminBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var seed = await SandboxSeedFile.WriteAsync(_directory.Path, [SecondAccount]);
        _host = await SlackBotHost.StartAsync(settings: new Dictionary<string, string?> { ["Sandbox:SeedFile"] = seed }, provider: provider);
        _browser = new AdminBrowser(_host.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        // Also after a start-up that was skipped (no PostgreSQL): whatever was made is released.
        _browser?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _directory.Dispose();
    }

    [SkippableFact]
    public async Task A_crafted_callback_error_description_reaches_the_slack_card_as_plain_text()
    {
        const string crafted = HostileText.MarkdownLink + " <https://evil.example|click> <!channel> *now*";
        var onboarding = new SlackOnboarding(_host, _browser);
        var card = await onboarding.StartWithSlashCommandAsync("trigger-crafted");
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(card.Link("Authorize in NetSuite").Query)["state"].ToString();

        await _browser.OpenBotAsync($"/oauth/netsuite/callback?state={Uri.EscapeDataString(state)}&error=server_error&error_description={Uri.EscapeDataString(crafted)}");

        var failed = await onboarding.CardShowingAsync(c => c.Shows("NetSuite refused the sign-in"));
        Assert.Empty(BlockKitLimits.MrkdwnObjects(failed.Blocks));
        Assert.Contains(failed.BlockTexts, t => t.Contains(crafted, StringComparison.Ordinal));
        Assert.Empty(BlockKitLimits.Violations(failed.Text ?? string.Empty, failed.Blocks));
    }

    [SkippableFact]
    public async Task Slash_command_onboarding_reaches_Completed_on_one_message_updated_in_place()
    {
        var onboarding = new SlackOnboarding(_host, _browser);

        var card = await onboarding.StartWithSlashCommandAsync("trigger-onboard");
        Assert.Equal(SlackPayloads.ChannelId, card.Channel);
        Assert.True(card.Shows("Step 1 of 4"));
        var step2 = await onboarding.AuthorizeAsync(card);
        Assert.True(step2.Shows("Step 2 of 4"));
        var final = await onboarding.InstallAndConfirmAsync(step2);

        Assert.True(final.Shows("is connected"));
        Assert.True(final.Shows("Certificate"));
        Assert.True(final.Shows("revoked at"));
        Assert.True(final.HasButton("View status"));

        // One message for the onboarding, edited in place; the only other posts are the two notices, in its thread.
        var posts = _host.Slack.Calls.Where(c => c.Method == SlackWebApiClient.PostMessageMethod).ToList();
        Assert.Equal(3, posts.Count);
        Assert.Same(card, posts[0]);
        Assert.Equal(2, onboarding.ThreadPosts.Count);
        Assert.True(onboarding.ThreadPosts[0].Shows("Authorization received"));
        Assert.True(onboarding.ThreadPosts[1].Shows("All set"));
        var updates = _host.Slack.Calls.Where(c => c.Method == SlackWebApiClient.UpdateMethod).ToList();
        Assert.All(updates, u => Assert.Equal(onboarding.CardTs, u.Ts));
        Assert.True(updates.Count >= 2, $"{updates.Count} updates");
        Assert.Same(final, updates[^1]);
        Assert.All(_host.Slack.Calls, c => Assert.Equal(SlackBotHost.BotToken, c.BearerToken));
    }

    [SkippableFact]
    public async Task The_non_OneWorld_production_style_account_onboards_just_as_the_sandbox_one()
    {
        var onboarding = new SlackOnboarding(_host, _browser, SecondAccount);

        var final = await onboarding.InstallAndConfirmAsync(await onboarding.AuthorizeAsync(await onboarding.StartWithSlashCommandAsync("trigger-production")));

        Assert.True(final.Shows("Demo Company (7654321) is connected"));
        Assert.True(final.Shows("Certificate"));
        Assert.False(final.Shows("✗"));
    }

    [SkippableFact]
    public async Task A_mention_starts_the_onboarding_and_the_OAuth_callback_continues_it_in_Slack()
    {
        var onboarding = new SlackOnboarding(_host, _browser);
        var card = await onboarding.StartWithMentionAsync("Ev0MENTION", ts: "1700000100.000100");
        var callsBeforeCallback = _host.Slack.Calls.Count;

        var step2 = await onboarding.AuthorizeAsync(card);

        // Nothing but the callback happened in between: it edited the card and replied in the card's thread.
        var sinceCallback = _host.Slack.Calls.Skip(callsBeforeCallback).ToList();
        Assert.Contains(step2, sinceCallback);
        Assert.True(step2.Shows("Authorized as"));
        var notice = Assert.Single(sinceCallback, c => c.Method == SlackWebApiClient.PostMessageMethod);
        Assert.Equal(onboarding.CardTs, notice.ThreadTs);
        Assert.True(notice.Shows("Authorization received"));
    }

    [SkippableFact]
    public async Task Two_onboardings_in_one_channel_get_their_notices_under_their_own_cards()
    {
        var first = new SlackOnboarding(_host, _browser);
        var second = new SlackOnboarding(_host, _browser, SecondAccount);
        var firstCard = await first.StartWithSlashCommandAsync("trigger-first");
        var secondCard = await second.StartWithSlashCommandAsync("trigger-second");
        Assert.NotEqual(first.CardTs, second.CardTs);

        // The first authorizes after the second card was posted: its notice must still go under its own card.
        await first.AuthorizeAsync(firstCard);
        await second.AuthorizeAsync(secondCard);

        var firstThread = Assert.Single(first.ThreadPosts);
        Assert.True(firstThread.Shows(first.Account));
        var secondThread = Assert.Single(second.ThreadPosts);
        Assert.True(secondThread.Shows(SecondAccount));
        Assert.All(first.CardUpdates, u => Assert.DoesNotContain(SecondAccount, u.Header, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_click_is_acknowledged_while_NetSuite_is_still_answering_slowly()
    {
        var onboarding = new SlackOnboarding(_host, _browser);
        var step2 = await onboarding.AuthorizeAsync(await onboarding.StartWithSlashCommandAsync("trigger-slow"));
        var sandbox = _host.Services.GetRequiredService<EmbeddedSandbox>().BaseAddress;
        using var control = new HttpClient { BaseAddress = sandbox };
        using (var fault = await control.PostAsJsonAsync("_sandbox/faults", new { pathPattern = "*/restlet.nl", latencyMs = 10_000, count = 1 }))
        {
            Assert.Equal(HttpStatusCode.Created, fault.StatusCode);
        }

        using var ack = await onboarding.InstallAndClickAsync(step2);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.DoesNotContain(onboarding.CardUpdates, u => u.Shows("Step 3 of 4"));

        // The bundle check has now reached NetSuite and is held there by the latency; Slack was answered before it returned.
        await Eventually.GetAsync(
            async () => (await control.GetFromJsonAsync<JsonArray>("_sandbox/faults"))!.Count == 0 ? "taken" : null,
            "the sandbox to receive the bundle check");
        Assert.DoesNotContain(onboarding.CardUpdates, u => u.Shows("Step 3 of 4"));
    }
}

/// <summary>Slack onboardings on the default SQLite file.</summary>
public sealed class SlackOnboardingOnSqliteTests() : SlackOnboardingTests(StorageProvider.Sqlite);

/// <summary>Slack onboardings on PostgreSQL.</summary>
public sealed class SlackOnboardingOnPostgreSqlTests() : SlackOnboardingTests(StorageProvider.PostgreSql);
