using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Hardening;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Storage;
using Onboarding.NetSuiteSandbox;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Bot.Tests.Fleet;

/// <summary>
/// Three bot processes behind an imaginary load balancer, on one PostgreSQL database and one standalone sandbox: an
/// onboarding started through A, authorized through B and confirmed through C completes on one card; the instance running
/// step 3 is killed mid-upload and another carries the onboarding on, leaving exactly one active certificate.
/// </summary>
public sealed class ThreeInstancesTests : IAsyncLifetime
{
    private const string Account = "1234567_SB1";
    private const string HostLabel = "1234567-sb1";

    private readonly TestDirectory _directory = new();
    private readonly List<BotProcess> _bots = [];
    private TemporaryDatabase? _database;
    private ProcessBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ProcessBed.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        await _bed.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory.Dispose();
    }

    [SkippableFact]
    public async Task An_onboarding_moving_between_instances_completes_on_one_card_and_survives_the_kill_of_the_one_running_step_3()
    {
        _database = await TemporaryDatabase.CreateAsync(StorageProvider.PostgreSql);
        var (a, b, c) = (await StartBotAsync(), await StartBotAsync(), await StartBotAsync());
        var chat = new TeamsActivities(_bed.Connector.ServiceUrl);

        // A: the person types onboard; the card is posted.
        await ProcessBed.PostAsync(a, chat.Message($"onboard {Account}"));
        var card = (await _bed.Connector.WaitForAsync(x => !x.IsUpdate && x.HasButton("Authorize in NetSuite"))).Last();

        // B: NetSuite's redirect after consent lands on another instance, which moves the same card on.
        using (var browser = new AdminBrowser(b.BaseAddress))
        {
            var (status, page, _) = await browser.FollowToBotAsync(await browser.ConsentAsync(card.Link("Authorize in NetSuite")));
            Assert.True(status == HttpStatusCode.OK, page);
        }

        var step2 = await _bed.CardShowingAsync(card, x => x.HasButton("I've installed it"));
        using (var browser = new AdminBrowser(c.BaseAddress))
        {
            await browser.InstallBundleAsync(step2.Link("Open install page"));
        }

        // C: the click; NetSuite then holds the certificate upload, so step 3 is under way on whichever instance took it.
        await _bed.AddFaultAsync(new JsonObject { ["pathPattern"] = "*certificates", ["method"] = "POST", ["latencyMs"] = 60_000, ["count"] = 1 });
        await ProcessBed.PostAsync(c, chat.Submit(step2.SubmitData("I've installed it"), card.AssignedId));
        await _bed.FaultsUsedUpAsync();
        var runner = await InstanceRunningTheClickAsync();
        runner.Kill();
        await _bed.ClearFaultsAsync();

        // The others take the click over once its claim and the step's lease run out, and reconcile the upload.
        var final = await _bed.CardShowingAsync(card, x => x.Shows("is connected"), TimeSpan.FromSeconds(120));
        await _bed.Connector.WaitForAsync(x => !x.IsUpdate && x.Shows("All set"), timeout: TimeSpan.FromSeconds(30));

        var certificates = await _bed.CertificatesAsync(HostLabel);
        Assert.Single(certificates, x => x!["revoked"]!.GetValue<bool>() == false);
        Assert.True(final.HasButton("View status"));

        // One card, moved on in place by all three instances: the only other posts are the two notices.
        var posts = _bed.Connector.Activities.Where(x => !x.IsUpdate && x.ConversationId == chat.ConversationId).ToList();
        Assert.Equal(3, posts.Count);
        Assert.Single(posts, x => x.HasButton("Authorize in NetSuite"));
        Assert.All(_bed.Connector.Activities.Where(x => x.IsUpdate), x => Assert.Equal(card.AssignedId, x.ActivityId));
        Assert.Equal(1L, Convert.ToInt64(await _database.ScalarAsync("SELECT COUNT(*) FROM card_messages"), CultureInfo.InvariantCulture));
    }

    private async Task<BotProcess> StartBotAsync()
    {
        var settings = ExternalSandbox.Settings(_bed.Sandbox.BaseAddress);
        foreach (var (key, value) in _database!.HostSettings)
        {
            settings[key] = value;
        }

        settings["Onboarding:StepLease"] = "00:00:10";
        settings["Inbox:Lease"] = "00:00:05";
        settings["Health:Enabled"] = "false";
        var bot = await BotProcess.StartAsync(_directory, settings);
        _bots.Add(bot);
        return bot;
    }

    // Instances name themselves host/process id/suffix; the click's inbox row names the one running it.
    private async Task<BotProcess> InstanceRunningTheClickAsync()
    {
        var holder = Convert.ToString(await _database!.ScalarAsync("SELECT claimed_by FROM chat_inbox WHERE claimed_by IS NOT NULL"), CultureInfo.InvariantCulture)!;
        var processId = int.Parse(holder.Split('/')[1], CultureInfo.InvariantCulture);
        return _bots.Single(bot => bot.ProcessId == processId);
    }
}
