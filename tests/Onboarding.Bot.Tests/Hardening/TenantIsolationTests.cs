using System.Net;
using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// What a user of another tenant learns about an account onboarded here, and whether they can block its real admin:
/// through the real host, with the embedded sandbox's demo account (company "Demo Company (Sandbox)", admin Pat). A
/// conversation that has nothing to do with the account gets exactly what an account nobody ever onboarded gets; staff
/// still see everything; an onboarding nobody authorized holds nothing.
/// </summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private const string Account = TeamsOnboarding.Account;
    private const string Company = "Demo Company";

    // An account the product has never heard of, for the "same answer" comparisons.
    private const string Unknown = "7777777_SB2";

    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;
    private TeamsActivities _stranger = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(new Dictionary<string, string?>
        {
            ["Onboarding:Roles:Success:0"] = TeamsActivities.RoleEntryOf("29:user-sam"),
            ["Onboarding:Roles:Operations:0"] = TeamsActivities.RoleEntryOf("29:user-olga"),
            ["Health:Enabled"] = "false",
        });
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
        _stranger = _bed.Conversation("a:other-tenant", tenantId: "tenant-9");
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task Another_tenant_learns_nothing_about_a_connected_account()
    {
        await new TeamsOnboarding(_bed, _browser, _bed.Teams).CompleteAsync();

        var onboard = await AskAsync(_stranger, $"onboard {Account}");
        var status = await AskAsync(_stranger, $"status {Account}");
        var onboardUnknown = await AskAsync(_stranger, $"onboard {Unknown}");
        var statusUnknown = await AskAsync(_stranger, $"status {Unknown}");

        Assert.Equal(Normalize(onboardUnknown, Unknown), Normalize(onboard, Account));
        Assert.Equal(Normalize(statusUnknown, Unknown), Normalize(status, Account));
        AssertReveals(nothing: [onboard, status]);
    }

    [Fact]
    public async Task Another_tenant_learns_nothing_about_an_account_being_onboarded_or_who_started_it()
    {
        var onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
        await onboarding.AuthorizeAsync(await onboarding.StartAsync());

        var onboard = await AskAsync(_stranger, $"onboard {Account}");
        var onboardUnknown = await AskAsync(_stranger, $"onboard {Unknown}");
        var status = await AskAsync(_stranger, "status");

        Assert.Equal(Normalize(onboardUnknown, Unknown), Normalize(onboard, Account));
        AssertReveals(nothing: [onboard, status]);
    }

    [Fact]
    public async Task An_onboarding_nobody_authorized_does_not_block_the_accounts_admin()
    {
        // Mallory, in another tenant, claims the account first and never signs in.
        var squat = await AskAsync(_stranger, $"onboard {Account}", "29:user-mallory", "Mallory");
        Assert.True(squat.HasButton("Authorize in NetSuite"));

        // The real admin onboards it anyway, start to finish.
        var final = await new TeamsOnboarding(_bed, _browser, _bed.Teams).CompleteAsync();

        Assert.True(final.Shows("is connected"));
        var mallorysStatus = await AskAsync(_stranger, "status", "29:user-mallory", "Mallory");
        Assert.True(mallorysStatus.Shows("waiting for sign-in"), string.Join(" | ", mallorysStatus.CardTexts));
        AssertReveals(nothing: [mallorysStatus]);
    }

    [Fact]
    public async Task The_squatters_own_link_cannot_take_an_account_being_onboarded_by_its_admin()
    {
        var squat = await AskAsync(_stranger, $"onboard {Account}", "29:user-mallory", "Mallory");
        var onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
        await onboarding.AuthorizeAsync(await onboarding.StartAsync());

        // Even an admin's consent on the squatter's link cannot take an account another authorized onboarding holds.
        var (status, page, _) = await _browser.FollowToBotAsync(await _browser.ConsentAsync(squat.Link("Authorize in NetSuite")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This account is already being onboarded", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain(_bed.Connector.Activities, a => a.ConversationId == _stranger.ConversationId && a.Shows("Authorization received"));
    }

    [Fact]
    public async Task Staff_still_see_who_holds_an_account_and_operations_can_cancel_it_from_anywhere()
    {
        var onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
        await onboarding.AuthorizeAsync(await onboarding.StartAsync());
        var success = _bed.Conversation("a:success-desk");
        var operations = _bed.Conversation("a:ops-desk");

        var seenBySuccess = await AskAsync(success, $"onboard {Account}", "29:user-sam", "Sam");
        var seenByOperations = await AskAsync(operations, $"onboard {Account}", "29:user-olga", "Olga");
        Assert.True(seenBySuccess.Shows("already being onboarded") && seenBySuccess.Shows("Pat started it"), string.Join(" | ", seenBySuccess.CardTexts));
        Assert.False(seenBySuccess.HasButton("Cancel that onboarding"));

        await _bed.SendAsync(operations.Submit(seenByOperations.SubmitData("Cancel that onboarding"), userId: "29:user-olga", userName: "Olga"));

        await onboarding.CardShowingAsync(a => a.Shows("Onboarding cancelled"));
        await _bed.Connector.WaitForAsync(a => a.ConversationId == operations.ConversationId && a.Shows($"Onboarding of {Account} cancelled"));
    }

    [Fact]
    public async Task The_conversation_that_onboarded_an_account_still_hears_it_is_connected()
    {
        await new TeamsOnboarding(_bed, _browser, _bed.Teams).CompleteAsync();

        var again = await AskAsync(_bed.Teams, $"onboard {Account}");

        Assert.True(again.Shows($"{Company} (Sandbox) ({Account}) is already connected"), string.Join(" | ", again.CardTexts));
    }

    private async Task<RecordedActivity> AskAsync(TeamsActivities chat, string text, string userId = "29:user-eve", string userName = "Eve")
    {
        var before = _bed.Connector.Activities.Count(a => a.ConversationId == chat.ConversationId && !a.IsUpdate);
        await _bed.SendAsync(chat.Message(text, userId, userName));
        return (await _bed.Connector.WaitForAsync(a => a.ConversationId == chat.ConversationId && !a.IsUpdate, count: before + 1))[before];
    }

    // The card as a person reads it, with the one thing that differs between two accounts (their ids, links) taken out.
    private static string Normalize(RecordedActivity reply, string account) =>
        string.Join(" | ", reply.CardTexts).Replace(account, "<account>", StringComparison.Ordinal) + " || "
        + string.Join(", ", reply.Buttons.Select(b => $"{b["type"]}:{b["title"]}"));

    private static void AssertReveals(IEnumerable<RecordedActivity> nothing)
    {
        foreach (var reply in nothing)
        {
            var everything = reply.Body.ToJsonString();
            Assert.DoesNotContain(Company, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Pat", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("connected", string.Join(" ", reply.CardTexts), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("already", string.Join(" ", reply.CardTexts), StringComparison.OrdinalIgnoreCase);
        }
    }
}
