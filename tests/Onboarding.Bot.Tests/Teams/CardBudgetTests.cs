using Onboarding.Bot.Teams;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Operations;
using Onboarding.Engine.Operations.Commands;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>
/// Every view the engine can show, rendered for Teams, is an Adaptive Card 1.5 within 28 KB. (The living card and the
/// notices are covered by the conversation tests, which check every card the connector stand-in received.)
/// </summary>
public sealed class CardBudgetTests
{
    public static TheoryData<string> ViewNames => [.. Views().Keys];

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void View_renders_as_a_1_5_card_within_28_KB(string name)
    {
        CardBudget.AssertWithin(AdaptiveCardRenderer.Render(Views()[name]));
    }

    [Fact]
    public void A_status_table_at_its_ten_row_limit_stays_within_28_KB()
    {
        var rows = Enumerable.Range(0, 10)
            .Select(i => (IReadOnlyList<string>)[$"{1234560 + i}_SB1", $"A company with a rather long name number {i} Ltd", "🟠 step 3 of 4 failed", "about 3 hours ago", "28 Nov 2028"])
            .ToList();
        var view = new StepView("Status of every tenant", "10 onboarding(s).")
        {
            Table = new ViewTable(["Account", "Company", "State", "Started", "Certificate expires"], rows),
            Body = ["and 240 more — type status <account> for one."],
        };

        CardBudget.AssertWithin(AdaptiveCardRenderer.Render(view));
    }

    private static Dictionary<string, StepView> Views()
    {
        var tenant = new Tenant(AccountId.Parse("1234567_SB1"), TenantStatus.Connected) { CompanyName = "Demo Company (Sandbox)" };
        return new Dictionary<string, StepView>
        {
            ["help"] = HelpView.Create(Wording.English),
            ["welcome"] = WelcomeView.Create(Wording.English, "Onboarding App"),
            ["staff only"] = ReplyViews.StaffOnly(Wording.English, "rotate"),
            ["invalid account"] = ReplyViews.InvalidAccount(Wording.English, Phrase.Verbatim("An account id has digits, optionally _SB and a number.")),
            ["not yours"] = ReplyViews.NotYours(Wording.English),
            ["unknown session"] = ReplyViews.UnknownSession(Wording.English),
            ["already connected"] = ReplyViews.AlreadyConnected(Wording.English, tenant),
            ["confirm offboard"] = ReplyViews.ConfirmOffboard(Wording.English, tenant, new Dictionary<string, string> { ["confirmation"] = "c-1" }),
            ["how it works"] = HowItWorksView.Create(Wording.English, "Onboarding App"),
            ["audit trail, full and tampered"] = OperationsViews.AuditTrail(
                Wording.English,
                tenant.Account,
                [.. Enumerable.Range(1, AuditRoute.Shown).Select(i => new AuditRecord(i, DateTimeOffset.UnixEpoch.AddDays(i), new AuditEntry(
                    "aad-00000000-0000-0000-0000-00000000000" + (i % 10), "1234567_SB1", "onboarding.transition", "failed", new string('x', 300))))],
                new AuditVerification(false, 1000, 20, 7, "entry 7 in chain 1234567_SB1 was changed after it was written")),
            ["confirm erase"] = OperationsViews.ConfirmErase(Wording.English, tenant.Account),
        };
    }
}
