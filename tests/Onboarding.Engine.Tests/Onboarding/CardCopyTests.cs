using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>What the cards say: messages that stay true, buttons that lead somewhere, failures that help.</summary>
public sealed class CardCopyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");

    [Fact]
    public void The_authorization_notice_gives_the_deadline_as_a_clock_time_that_stays_true()
    {
        var notices = new OnboardingNotices(Options.Create(new OnboardingOptions()), new FakeTimeProvider(Now));
        var session = Session() with { AdminAccessUntil = Now.AddMinutes(59).AddSeconds(42) };

        var notice = notices.AuthorizationReceived(Wording.English, session);

        var body = Assert.Single(notice.Body);
        Assert.Contains("Admin access ends by 10:59 UTC at the latest", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" in ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" h ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_cards_How_it_works_explains_how_it_works_not_the_commands()
    {
        await using var harness = await FlowHarness.StartAsync();

        await harness.PressAsync(WelcomeView.Create(Wording.English, "Onboarding App"), "How it works");

        var answer = harness.Publisher.Messages(harness.Conversation)[^1];
        Assert.Equal("How it works", answer.Title);
        Assert.Null(answer.Table);
        Assert.Contains(answer.Facts, f => f.Name == "Admin access" && f.Value.StartsWith("one hour at most", StringComparison.Ordinal));
        Assert.Equal(["Start onboarding"], answer.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task A_connected_tenants_status_offers_no_new_onboarding_and_heads_its_state_column_State()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.OnboardAsync();

        await harness.SendAsync("status", FlowHarness.DemoAccount);

        var status = harness.Publisher.Messages(harness.Conversation)[^1];
        Assert.Equal(["Account", "Company", "State", "Started", "Certificate expires"], status.Table!.Headers);
        Assert.Empty(status.Actions);
    }

    [Fact]
    public async Task Picking_an_already_connected_account_at_sign_in_offers_another_account_not_the_same_dead_end()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.OnboardAsync();

        await harness.SendAsync("onboard");
        var card = harness.Publisher.Card((await harness.SessionAsync()).Id.Value)!;
        await harness.AuthorizeAsync(card, chooseAccount: FlowHarness.DemoAccount);

        var failed = harness.Publisher.Card((await harness.SessionAsync()).Id.Value)!;
        var button = Assert.IsType<SubmitAction>(Assert.Single(failed.Actions));
        Assert.Equal("Onboard another account", button.Label);
        Assert.Empty(button.Data);
        Assert.DoesNotContain(failed.Actions, a => a.Label == "Start again");
    }

    [Fact]
    public void A_failed_rotation_names_the_account_what_stopped_why_and_what_to_do()
    {
        var tenant = new MonitoredTenant(Account, "Demo Company (Sandbox) (1234567_SB1)");
        var outcome = new RotationOutcome(RotationStatus.Failed, "upload", new NetSuiteError(NetSuiteErrorKind.InvalidRequest, Phrase.Verbatim("NetSuite refused the certificate."), 400, "INVALID_CONTENT"));

        var view = CertificateViews.RotationFailed(Wording.English, tenant, outcome);

        Assert.Equal("Couldn't rotate the certificate for Demo Company (Sandbox) (1234567_SB1)", view.Title);
        Assert.Equal("Uploading the new certificate failed: NetSuite refused the certificate.", view.Body[0]);
        Assert.StartsWith("Press Try again", view.Body[1], StringComparison.Ordinal);
        Assert.Equal(["Try again"], view.Actions.Select(a => a.Label));
        Assert.Equal("NetSuite said: INVALID_CONTENT (400)", view.Footnote);
    }

    [Fact]
    public void A_reauthorization_that_could_not_finish_names_the_account_the_reason_and_the_next_step()
    {
        var reauthorization = new Reauthorization("r-1", new ConversationKey("msteams", "t", "c"), Account, ReauthorizationPurpose.RotateCertificate, [], "staff-1", ReauthorizationStatus.Failed, null, Now);
        var result = new ReauthorizationResult(false, Phrase.Verbatim("Uploading the new certificate failed: NetSuite refused the certificate."), [], "INVALID_CONTENT (400)");

        var view = ReauthorizationViews.Finished(Wording.English, reauthorization, Phrase.Of(nameof(Texts.Reauthorization_ToRotate)), result, accessRevoked: true);

        Assert.Contains("1234567_SB1", view.Title, StringComparison.Ordinal);
        Assert.Equal(result.Summary.En(), view.Body[0]);
        Assert.StartsWith("Press Re-authorize again", view.Body[1], StringComparison.Ordinal);
        Assert.Equal(["Re-authorize again"], view.Actions.Select(a => a.Label));
        Assert.Equal("NetSuite said: INVALID_CONTENT (400)", view.Footnote);
    }

    private static OnboardingSession Session() => new()
    {
        Id = SessionId.New(),
        Conversation = new ConversationKey("msteams", "tenant-1", "conversation-1"),
        Account = Account,
        AccountExpected = true,
        StartedBy = new ChatUser("user-1", "Pat Admin"),
        Step = OnboardingStep.AwaitingBundle,
        Status = SessionStatus.Waiting,
        Version = 1,
        CreatedAt = Now.AddMinutes(-10),
    };
}
