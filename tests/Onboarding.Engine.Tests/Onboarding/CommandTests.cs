using Microsoft.Extensions.Configuration;
using Onboarding.Engine.Health;
using Onboarding.Engine.Operations;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Onboarding;

public sealed class CommandTests
{
    [Fact]
    public async Task Cancel_revokes_admin_access_and_leaves_a_card_to_start_again()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.AuthorizeAsync(await harness.CardAsync());
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));

        await harness.PressAsync(await harness.CardAsync(), "Cancel");

        var session = await harness.SessionAsync();
        Assert.Equal(SessionStatus.Cancelled, session.Status);
        Assert.NotNull(session.AdminAccessEndedAt);
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.revoked' AND outcome = 'revoked'"));
        var card = await harness.CardAsync();
        Assert.Contains("cancelled", card.Title, StringComparison.Ordinal);
        Assert.Equal("Start again", Assert.Single(card.Actions).Label);

        await harness.PressAsync(card, "Start again");
        Assert.Equal(2, await harness.ScalarAsync("SELECT COUNT(*) FROM onboarding_sessions"));
    }

    [Fact]
    public async Task Typed_cancel_asks_which_when_several_onboardings_are_open()
    {
        await using var harness = await FlowHarness.StartAsync(extraAccounts: ["7654321_SB1"]);
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.SendAsync("onboard", "7654321_SB1");

        await harness.SendAsync("cancel");
        var question = harness.Publisher.Messages(harness.Conversation)[^1];
        Assert.Equal("Which onboarding should I cancel?", question.Title);
        Assert.Equal(2, question.Actions.Count);

        await harness.SendAsync("cancel", "7654321_SB1");
        var sessions = await harness.Get<OnboardingSessions>().ForConversationAsync(harness.Conversation, CancellationToken.None);
        Assert.Equal(SessionStatus.Cancelled, sessions.Single(s => s.AccountText == "7654321_SB1").Status);
        Assert.Equal(SessionStatus.Waiting, sessions.Single(s => s.AccountText == FlowHarness.DemoAccount).Status);
    }

    [Fact]
    public async Task A_button_from_another_conversations_card_changes_nothing()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var card = await harness.CardAsync();
        var stranger = new ConversationKey("slack", "T1", "C-other");

        await harness.PressAsync(card, "Cancel", conversation: stranger);

        Assert.Equal("That button belongs to another conversation", harness.Publisher.Messages(stranger)[^1].Title);
        Assert.Equal(SessionStatus.Waiting, (await harness.SessionAsync()).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-session")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task A_button_with_a_missing_or_unknown_session_gets_a_clear_answer(string session)
    {
        await using var harness = await FlowHarness.StartAsync();

        await harness.SendAsync(OnboardingVerbs.Retry, data: new Dictionary<string, string> { ["session"] = session });

        Assert.Equal("That onboarding no longer exists", harness.Publisher.Messages(harness.Conversation)[^1].Title);
    }

    [Fact]
    public async Task A_bad_account_id_is_explained()
    {
        await using var harness = await FlowHarness.StartAsync();

        await harness.SendAsync("onboard", "contoso.example.com");

        var answer = harness.Publisher.Messages(harness.Conversation)[^1];
        Assert.Equal("Which NetSuite account?", answer.Title);
        Assert.Contains("1234567_SB1", answer.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("offboard", "1234567_SB1")]
    [InlineData("rotate", "1234567_SB1")]
    [InlineData("alerts", "here")]
    [InlineData("audit", "1234567_SB1")]
    [InlineData("erase", "1234567_SB1")]
    public async Task Staff_only_commands_are_refused_to_everyone_else(string verb, string argument)
    {
        var empty = new ConfigurationBuilder().Build();
        await using var harness = await FlowHarness.StartAsync(services: s => s.AddConnectionHealth(empty).AddOperations(empty));

        await harness.SendAsync(verb, argument);

        Assert.Equal("That command is for the vendor's staff", harness.Publisher.Messages(harness.Conversation)[^1].Title);
    }

    [Fact]
    public async Task Without_health_monitoring_rotate_is_an_unknown_command_not_a_placeholder()
    {
        await using var harness = await FlowHarness.StartAsync();

        await harness.SendAsync("rotate", "1234567_SB1", user: harness.Staff);

        var answer = harness.Publisher.Messages(harness.Conversation)[^1];
        Assert.Contains("what I can do", answer.Title, StringComparison.Ordinal);
        Assert.Contains("I didn't understand 'rotate'", answer.Body[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_input_gets_help_not_silence()
    {
        await using var harness = await FlowHarness.StartAsync();

        await harness.SendAsync("hello");

        var help = harness.Publisher.Messages(harness.Conversation)[^1];
        Assert.NotNull(help.Table);
        Assert.StartsWith("I didn't understand 'hello'", help.Body[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_this_conversations_onboardings_and_staff_see_every_tenant()
    {
        await using var harness = await FlowHarness.StartAsync(extraAccounts: ["7654321_SB1"]);
        await harness.OnboardAsync();
        var elsewhere = new ConversationKey("msteams", "tenant-2", "other");
        await harness.SendAsync("onboard", "7654321_SB1", conversation: elsewhere);

        await harness.SendAsync("status");
        var mine = harness.Publisher.Messages(harness.Conversation)[^1];
        await harness.SendAsync("status", user: harness.Staff);
        var all = harness.Publisher.Messages(harness.Conversation)[^1];

        Assert.Equal(["1234567_SB1"], mine.Table!.Rows.Select(r => r[0]));
        Assert.Equal("🟢 connected", mine.Table.Rows[0][2]);
        Assert.Equal(["7654321_SB1", "1234567_SB1"], all.Table!.Rows.Select(r => r[0]));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Staff_status_shows_an_accounts_authorized_onboarding_not_a_later_claim_nobody_authorized(StorageProvider provider)
    {
        await using var harness = await FlowHarness.StartAsync(provider: provider);
        await harness.OnboardAsync();
        var squatter = new ConversationKey("msteams", "tenant-9", "squatter");
        await harness.SendAsync("onboard", FlowHarness.DemoAccount, conversation: squatter, user: new ChatUser("user-mallory", "Mallory"));

        await harness.SendAsync("status", user: harness.Staff);
        await harness.SendAsync("status", conversation: squatter, user: new ChatUser("user-mallory", "Mallory"));

        var staffRow = Assert.Single(harness.Publisher.Messages(harness.Conversation)[^1].Table!.Rows);
        Assert.Equal(["1234567_SB1", "Demo Company (Sandbox)", "🟢 connected"], staffRow.Take(3));
        var squatterRow = Assert.Single(harness.Publisher.Messages(squatter)[^1].Table!.Rows);
        Assert.Equal(["1234567_SB1", "—", "step 1 of 4 — waiting for sign-in"], squatterRow.Take(3));
        Assert.Equal("—", squatterRow[4]);
    }

    [Fact]
    public async Task Offboarding_asks_first_then_revokes_the_certificate_and_erases_the_keys_on_the_same_card()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.OnboardAsync();
        var messagesBefore = harness.Publisher.Messages(harness.Conversation).Count;

        await harness.SendAsync("offboard", FlowHarness.DemoAccount, user: harness.Staff);
        var confirm = harness.Question();
        Assert.Equal(["Offboard 1234567_SB1", "Keep"], confirm.Actions.Select(a => a.Label));
        Assert.Equal(ActionStyle.Destructive, Assert.IsType<SubmitAction>(confirm.Actions[0]).Style);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());

        await harness.PressAsync(confirm, confirm.Actions[0].Label, user: harness.Staff);

        var done = harness.Question();
        Assert.Equal("1234567_SB1 is offboarded", done.Title);
        Assert.Equal(["Onboard again"], done.Actions.Select(a => a.Label));
        Assert.Equal(messagesBefore, harness.Publisher.Messages(harness.Conversation).Count);
        Assert.Equal(0, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM tenant_keys WHERE protected_private_key IS NOT NULL"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM tenants WHERE status = 'Offboarded'"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.revoked' AND outcome = 'revoked'"));
    }

    [Fact]
    public async Task A_second_click_on_an_answered_question_does_nothing()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.SendAsync("offboard", FlowHarness.DemoAccount, user: harness.Staff);
        var confirm = harness.Question();
        await harness.PressAsync(confirm, "Offboard 1234567_SB1", user: harness.Staff);
        var shown = harness.Publisher.All.Count;

        await harness.PressAsync(confirm, "Offboard 1234567_SB1", user: harness.Staff);
        await harness.PressAsync(confirm, "Keep", user: harness.Staff);

        Assert.Equal(shown, harness.Publisher.All.Count);
        Assert.Equal("1234567_SB1 is offboarded", harness.Question().Title);
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM confirmations WHERE answer = 'confirmed'"));
    }

    [Fact]
    public async Task Keep_answers_the_question_in_place_and_changes_nothing()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.SendAsync("offboard", FlowHarness.DemoAccount, user: harness.Staff);

        await harness.PressAsync(harness.Question(), "Keep", user: harness.Staff);

        var kept = harness.Question();
        Assert.Equal("1234567_SB1 stays connected", kept.Title);
        Assert.Empty(kept.Actions);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM tenants WHERE status = 'Connected'"));
    }

    [Fact]
    public async Task Offboarding_when_NetSuite_refuses_the_revocation_still_erases_the_keys_and_offers_the_way_to_finish()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.RemovePermissionAsync(1001, "Manage own OAuth 2.0 Client Credentials certificates");

        await harness.SendAsync("offboard", FlowHarness.DemoAccount, user: harness.Staff);
        await harness.PressAsync(harness.Question(), "Offboard 1234567_SB1", user: harness.Staff);

        // One card for one click: the outcome, with the next step as its button (not a second card of its own).
        var done = harness.Question();
        Assert.Equal(Tone.Warning, done.Tone);
        Assert.Contains(done.Facts, f => f.Name == "Not revoked in NetSuite");
        Assert.DoesNotContain(done.Body, b => b.Contains("rotate", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Sign in to revoke it"], done.Actions.Select(a => a.Label));
        Assert.Empty(harness.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM tenant_keys WHERE protected_private_key IS NOT NULL"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.revoked' AND outcome = 'revoke-failed'"));
    }

    [Fact]
    public async Task An_offboarded_account_can_be_onboarded_again()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.SendAsync("offboard", FlowHarness.DemoAccount, user: harness.Staff);
        await harness.PressAsync(harness.Question(), "Offboard 1234567_SB1", user: harness.Staff);

        var again = await harness.OnboardAsync();

        Assert.True(again.Status == SessionStatus.Completed, FlowHarness.Describe(harness.Publisher.Card(again.Id.Value)));
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
    }
}
