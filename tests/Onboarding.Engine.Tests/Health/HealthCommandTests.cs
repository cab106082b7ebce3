using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Onboarding;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Health;

/// <summary>The chat side of health: alerts here/off, rotate, and the alert card's buttons.</summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Alerts_here_is_for_staff_and_the_subscription_is_stored()
    {
        await using var harness = await HealthHarness.StartAsync();
        var channel = new ConversationKey("msteams", "tenant-1", "ops-" + Guid.NewGuid().ToString("N"));

        await harness.Flow.SendAsync(ChatVerbs.Alerts, "here", user: harness.Flow.User, conversation: channel);
        await harness.Flow.SendAsync(ChatVerbs.Alerts, "here", user: harness.Flow.Staff, conversation: channel);
        await harness.Flow.SendAsync(ChatVerbs.Alerts, "here", user: harness.Flow.Staff, conversation: channel);

        var replies = harness.Flow.Publisher.Messages(channel);
        Assert.Equal(3, replies.Count);
        Assert.Contains("staff", replies[0].Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("🔔 Connection alerts on for this conversation", replies[1].Title);
        Assert.Equal("Alerts are already on here", replies[2].Title);

        // A fresh store over the same database, as after a restart.
        await using var database = harness.Flow.Storage.Open();
        var reopened = new AlertSubscriptionStore(database, TimeProvider.System);
        Assert.Equal([channel], await reopened.ActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Alerts_off_stops_alerts_to_the_conversation()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();

        await harness.Flow.SendAsync(ChatVerbs.Alerts, "off", user: harness.Flow.Staff, conversation: harness.Ops);
        await harness.BundleGoesDownAsync();

        Assert.Equal(HealthState.Down, (await harness.HealthAsync()).State);
        var shown = Assert.Single(harness.Shown(harness.Ops));
        Assert.Equal("🔕 Connection alerts off for this conversation", shown.View.Title);
    }

    [Fact]
    public async Task Rotate_asks_first_then_replaces_the_certificate_and_revokes_the_old_one()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var original = await harness.ActiveCertificateIdAsync();

        await harness.Flow.SendAsync(ChatVerbs.Rotate, "1234567_sb1", user: harness.Flow.Staff, conversation: harness.Ops);
        var confirm = harness.Flow.Question();
        Assert.Equal("Rotate the certificate for Demo Company (Sandbox) (1234567_SB1)?", confirm.Title);
        Assert.Equal(["Rotate certificate", "Keep"], confirm.Actions.Select(a => a.Label));
        Assert.Equal(original, await harness.ActiveCertificateIdAsync());

        await harness.Flow.PressAsync(confirm, "Rotate certificate", harness.Flow.Staff, harness.Ops);
        await harness.Flow.PressAsync(confirm, "Rotate certificate", harness.Flow.Staff, harness.Ops);

        // The outcome replaced the question; the second click found it answered and rotated nothing more.
        var done = harness.Flow.Question();
        Assert.Empty(harness.Notices(harness.Ops));
        Assert.Equal(1, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.switched'"));
        Assert.Equal(Tone.Good, done.Tone);
        Assert.Contains(done.Facts, f => f.Name == "Old certificate" && f.Value == $"{original} (revoked)");
        Assert.NotEqual(original, await harness.ActiveCertificateIdAsync());
        Assert.Equal(1, await harness.Flow.ActiveSandboxCertificatesAsync());
        await harness.CycleAsync();
        Assert.All(await harness.ChecksAsync(), c => Assert.True(c.Succeeded));
    }

    [Fact]
    public async Task Rotate_is_refused_to_someone_who_is_not_staff()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var original = await harness.ActiveCertificateIdAsync();

        await harness.Flow.SendAsync(HealthVerbs.RotateConfirmed, "1234567_SB1", conversation: harness.Ops);

        Assert.Contains("staff", harness.Notices(harness.Ops)[^1].Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(original, await harness.ActiveCertificateIdAsync());
    }

    [Fact]
    public async Task Mute_silences_reminders_for_a_day_and_says_so_on_the_card()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.BundleGoesDownAsync();
        var alert = Assert.Single(harness.AlertPosts(harness.Ops));

        await harness.Flow.PressAsync(alert, "Mute 24 h", harness.Flow.Staff, harness.Ops);
        var card = harness.Shown(harness.Ops).Last(m => m.Slot is not null).View;
        Assert.Contains("muted until", card.Subtitle, StringComparison.Ordinal);
        await harness.CycleAfterAsync(TimeSpan.FromHours(5));
        await harness.CycleAfterAsync(TimeSpan.FromHours(10));

        Assert.DoesNotContain(harness.Notices(harness.Ops), n => n.Title.StartsWith("🔴 Still down", StringComparison.Ordinal));
        await harness.CycleAfterAsync(TimeSpan.FromHours(10));
        Assert.Single(harness.Notices(harness.Ops), n => n.Title.StartsWith("🔴 Still down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Re_run_check_answers_with_what_it_found_now()
    {
        await using var harness = await HealthHarness.StartAsync(account: FlowHarness.ProductionAccount);
        await harness.OnboardAsync();
        await harness.BundleGoesDownAsync();
        var alert = Assert.Single(harness.AlertPosts(harness.Ops));

        await harness.Flow.PressAsync(alert, "Re-run check", harness.Flow.Staff, harness.Ops);

        var answer = harness.Notices(harness.Ops)[^1];
        Assert.StartsWith("✗ Demo Company (7654321) still fails its check", answer.Title, StringComparison.Ordinal);
        Assert.Contains("bundle", answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_run_check_that_ends_the_incident_posts_only_the_recovery_notice()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.BundleGoesDownAsync();
        var alert = Assert.Single(harness.AlertPosts(harness.Ops));
        await harness.Flow.InstallBundleAsync();
        var before = harness.Notices(harness.Ops).Count;

        await harness.Flow.PressAsync(alert, "Re-run check", harness.Flow.Staff, harness.Ops);

        // The alert card turned green in place; one message says so, not three.
        var said = harness.Notices(harness.Ops).Skip(before).ToList();
        var recovered = Assert.Single(said);
        Assert.StartsWith("🟢 Demo Company (Sandbox) (1234567_SB1) — recovered at", recovered.Title, StringComparison.Ordinal);
        Assert.Equal(Tone.Good, harness.Shown(harness.Ops).Last(m => m.Slot is not null).View.Tone);
    }

    [Fact]
    public async Task Status_shows_each_connected_tenants_health_last_check_and_certificate_expiry()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.BundleGoesDownAsync();

        await harness.Flow.SendAsync(ChatVerbs.Status, user: harness.Flow.Staff, conversation: harness.Ops);

        var board = harness.Notices(harness.Ops)[^1];
        var row = Assert.Single(board.Table!.Rows);
        Assert.Equal("1234567_SB1", row[0]);
        Assert.StartsWith("🔴 down · checked", row[2], StringComparison.Ordinal);
        var status = (await harness.Flow.Get<HealthStatusReader>().ReadAsync([harness.Account], CancellationToken.None))[harness.Account];
        Assert.Equal(HealthState.Down, status.State);
        Assert.Equal(harness.Time.GetUtcNow(), status.LastCheckAt);
        Assert.NotNull(status.CertificateExpiresAt);
        Assert.Equal(Wording.English.Date(status.CertificateExpiresAt!.Value), row[4]);
    }
}
