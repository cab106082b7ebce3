using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// Crash safety with real process kills: the host runs as a child process on one database folder, NetSuite is a sandbox
/// in the test process (so its certificates outlive the host), and the host is killed — no shutdown, no flush — at a
/// step boundary and in the middle of the certificate upload. After each restart on the same files the onboarding
/// carries on to Completed, with exactly one active certificate and the stored secrets still readable.
/// </summary>
/// <remarks>
/// Two kill points stand for the rest (CI time): after the sign-in (state, verifier and admin tokens stored, the next
/// step waiting for a person) and during a NetSuite call whose side effect the engine must reconcile (the upload: a
/// key pair written ahead, the certificate maybe created). The engine's own tests cover the remaining points in process
/// (Engine.Tests/Onboarding/CrashRecoveryTests.cs).
/// </remarks>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private const string Account = "1234567_SB1";
    private const string HostLabel = "1234567-sb1";

    private readonly TestDirectory _directory = new();
    private ProcessBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ProcessBed.StartAsync();

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Killed_at_a_step_boundary_and_during_the_upload_the_onboarding_still_completes_with_one_certificate()
    {
        var chat = new TeamsActivities(_bed.Connector.ServiceUrl);
        var bot = await StartBotAsync();
        await ProcessBed.PostAsync(bot, chat.Message($"onboard {Account}"));
        var card = (await _bed.Connector.WaitForAsync(a => !a.IsUpdate && a.HasButton("Authorize in NetSuite"))).Last();
        string code;
        using (var browser = new AdminBrowser(bot.BaseAddress))
        {
            var redirect = await browser.ConsentAsync(card.Link("Authorize in NetSuite"));
            code = HttpUtility.ParseQueryString(redirect.Query)["code"]!;
            Assert.Equal(HttpStatusCode.OK, (await browser.FollowToBotAsync(redirect)).Status);
        }

        var step2 = await _bed.CardShowingAsync(card, a => a.HasButton("I've installed it"));

        // Kill 1: at the boundary between sign-in and bundle; the admin tokens sit encrypted in the database.
        bot.Kill();
        await using (bot)
        {
        }

        bot = await StartBotAsync();
        using (var browser = new AdminBrowser(bot.BaseAddress))
        {
            await browser.InstallBundleAsync(step2.Link("Open install page"));
        }

        // Kill 2: while NetSuite holds the certificate upload.
        await _bed.AddFaultAsync(new JsonObject { ["pathPattern"] = "*certificates", ["method"] = "POST", ["latencyMs"] = 60_000, ["count"] = 1 });
        await ProcessBed.PostAsync(bot, chat.Submit(step2.SubmitData("I've installed it"), card.AssignedId));
        await _bed.FaultsUsedUpAsync();
        bot.Kill();
        await using (bot)
        {
        }

        // The step's lease (10 s here) must run out before another process may take the step over.
        await _bed.ClearFaultsAsync();
        await Task.Delay(TimeSpan.FromSeconds(11));
        await using var restarted = await StartBotAsync();

        await _bed.CardShowingAsync(card, a => a.Shows("is connected"), TimeSpan.FromSeconds(90));
        var certificates = await _bed.CertificatesAsync(HostLabel);
        Assert.Single(certificates, c => c!["revoked"]!.GetValue<bool>() == false);
        Assert.DoesNotContain(restarted.Output, line => line.Contains(code, StringComparison.Ordinal) || line.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killed_right_after_NetSuite_answered_the_code_exchange_the_card_offers_a_fresh_sign_in_and_the_onboarding_completes()
    {
        var chat = new TeamsActivities(_bed.Connector.ServiceUrl);
        var bot = await StartBotAsync();
        await ProcessBed.PostAsync(bot, chat.Message($"onboard {Account}"));
        var card = (await _bed.Connector.WaitForAsync(a => !a.IsUpdate && a.HasButton("Authorize in NetSuite"))).Last();
        var firstLink = card.Link("Authorize in NetSuite");

        // The first call after the exchange (who signed in, by SuiteQL) is held: NetSuite has issued the tokens, the bot has
        // not saved them. Kill it there.
        await _bed.AddFaultAsync(new JsonObject { ["pathPattern"] = "*/services/rest/query/v1/suiteql", ["method"] = "POST", ["latencyMs"] = 60_000, ["count"] = 1 });
        using (var browser = new AdminBrowser(bot.BaseAddress))
        {
            var redirect = await browser.ConsentAsync(firstLink);
            using var abandon = new CancellationTokenSource();
            var landing = browser.FollowToBotAsync(redirect).WaitAsync(abandon.Token);
            await _bed.FaultsUsedUpAsync();
            bot.Kill();
            await abandon.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => landing);
        }

        await using (bot)
        {
        }

        await _bed.ClearFaultsAsync();
        await Task.Delay(TimeSpan.FromSeconds(11));
        await using var restarted = await StartBotAsync();

        // Without anyone pressing anything, the card gets a new, working link; the consumed one is gone from it.
        var renewed = await _bed.CardShowingAsync(card, a => a.HasButton("Authorize in NetSuite") && a.Link("Authorize in NetSuite") != firstLink, TimeSpan.FromSeconds(60));
        using (var browser = new AdminBrowser(restarted.BaseAddress))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.FollowToBotAsync(await browser.ConsentAsync(renewed.Link("Authorize in NetSuite")))).Status);
            var step2 = await _bed.CardShowingAsync(card, a => a.HasButton("I've installed it"));
            await browser.InstallBundleAsync(step2.Link("Open install page"));
            await ProcessBed.PostAsync(restarted, chat.Submit(step2.SubmitData("I've installed it"), card.AssignedId));
        }

        await _bed.CardShowingAsync(card, a => a.Shows("is connected"), TimeSpan.FromSeconds(60));
        var certificates = await _bed.CertificatesAsync(HostLabel);
        Assert.Single(certificates, c => c!["revoked"]!.GetValue<bool>() == false);
    }

    private Task<BotProcess> StartBotAsync()
    {
        var settings = ExternalSandbox.Settings(_bed.Sandbox.BaseAddress);
        settings["Onboarding:StepLease"] = "00:00:10";
        settings["Health:Enabled"] = "false";
        return BotProcess.StartAsync(_directory, settings);
    }
}
