using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Onboarding;

public sealed class FullOnboardingTests
{
    [SkippableTheory]
    [StorageProviders]
    public async Task Onboarding_a_known_account_reaches_Completed_with_one_active_certificate_and_admin_access_revoked(StorageProvider provider)
    {
        await using var harness = await FlowHarness.StartAsync(provider: provider);

        var session = await harness.OnboardAsync();

        Assert.True(session.Status == SessionStatus.Completed, FlowHarness.Describe(harness.Publisher.Card(session.Id.Value)));
        Assert.Equal(OnboardingStep.Completed, session.Step);
        Assert.Equal(1001, session.AppRoleId);
        Assert.Equal(7, session.MappedEntityId);
        Assert.NotNull(session.AdminAccessEndedAt);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
        Assert.Equal(3, await harness.ScalarAsync("SELECT COUNT(*) FROM post_install_runs WHERE state = 'Done'") - 1);

        var card = harness.Publisher.Card(session.Id.Value)!;
        Assert.Equal(Tone.Good, card.Tone);
        Assert.Contains("is connected", card.Title, StringComparison.Ordinal);
        Assert.All(card.Checklist, item => Assert.Equal(ChecklistState.Done, item.State));
        Assert.StartsWith("Authorized as Administrator by Pat Admin · revoked", card.Checklist[0].Detail, StringComparison.Ordinal);
        // Nobody's own zone is known here, so times are in the company's (the sandbox's Europe/London), named.
        var companyTime = Wording.English.ForTenant("Europe/London").Absolute(session.CreatedAt, DateTimeOffset.UtcNow);
        Assert.EndsWith(" Europe/London", companyTime, StringComparison.Ordinal);
        Assert.Equal("Started by Sam just now, " + companyTime + " · authorized by Pat Admin", card.Subtitle);
        Assert.Contains(card.Facts, f => f.Name == "Certificate");
        Assert.Contains(card.Facts, f => f.Name == "Acts as" && f.Value == "Pat Admin (employee 7)");
        var certificateId = card.Facts.Single(f => f.Name == "Certificate").Value.Split(' ')[0];
        Assert.DoesNotContain(card.Checklist, i => i.Detail?.Contains(certificateId, StringComparison.Ordinal) == true);
        Assert.All(card.Checklist.Skip(4), i => Assert.Equal(1, i.Level));
        Assert.Contains(card.Facts, f => f.Name == "Admin access" && f.Value.StartsWith("revoked at", StringComparison.Ordinal));
        Assert.Contains(card.Checklist, i => i.Detail is { } d && d.StartsWith("Seeded 3 configuration records", StringComparison.Ordinal));
        Assert.Contains(card.Checklist, i => i.Detail is { } d && d.Contains("Company: Demo Company (Sandbox) · Time zone: Europe/London", StringComparison.Ordinal));

        var notices = harness.Publisher.Messages(harness.Conversation);
        Assert.Contains(notices, n => n.Title.StartsWith("✓ Authorization received", StringComparison.Ordinal));
        // The completion notice says what it means rather than repeating the card's title.
        var completed = Assert.Single(notices, n => n.Title.StartsWith("All set", StringComparison.Ordinal));
        Assert.NotEqual(card.Title, completed.Title);
        Assert.DoesNotContain("is connected", completed.Title, StringComparison.Ordinal);
        Assert.Equal(2, harness.Publisher.Notices.Count);
        Assert.All(harness.Publisher.Notices, n => Assert.Equal(CardSlot.ForOnboarding(session.Id.Value), n.RelatedCard));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Onboarding_without_an_account_learns_it_from_the_callback(StorageProvider provider)
    {
        await using var harness = await FlowHarness.StartAsync(provider: provider);

        await harness.SendAsync("onboard");
        var card = await harness.CardAsync();
        Assert.Equal("Connect NetSuite — your account", card.Title);
        var result = await harness.AuthorizeAsync(card, chooseAccount: FlowHarness.DemoAccount);
        Assert.True(result.Succeeded, result.Message.En());
        Assert.Equal(FlowHarness.DemoAccount, (await harness.SessionAsync()).AccountText);

        await harness.InstallBundleAsync();
        await harness.PressAsync(await harness.CardAsync(), "I've installed it");

        Assert.Equal(SessionStatus.Completed, (await harness.SessionAsync()).Status);
    }

    [Fact]
    public async Task Every_card_on_the_way_has_a_checklist_and_at_most_three_buttons()
    {
        // Unpaced, so that every state the flow can draw is drawn and checked.
        await using var harness = await FlowHarness.StartAsync(settings: s => s["Onboarding:CardUpdateInterval"] = "00:00:00");

        await harness.OnboardAsync();

        var cards = harness.Publisher.All.Where(m => m.Slot is not null).Select(m => m.View).ToList();
        Assert.True(cards.Count >= 10, $"only {cards.Count} card updates");
        Assert.All(cards, c =>
        {
            Assert.NotEmpty(c.Checklist);
            Assert.InRange(c.Actions.Count, 1, 3);
            Assert.False(string.IsNullOrWhiteSpace(c.Summary));
        });
        Assert.Contains(cards, c => c.Checklist.Any(i => i.Label == "Upload certificate" && i.State == ChecklistState.Running));
        Assert.Contains(cards, c => c.Checklist.Any(i => i.Label == "Upload certificate" && i.State == ChecklistState.Done));
    }
}
