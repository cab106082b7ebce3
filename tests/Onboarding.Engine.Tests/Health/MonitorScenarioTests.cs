using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Onboarding;
using Onboarding.Engine.Views;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Health;

/// <summary>The monitor against the sandbox with injected faults, a fake clock and cycles driven by hand.</summary>
public sealed class MonitorScenarioTests
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [SkippableTheory]
    [StorageProviders]
    public async Task Revoked_certificate_alerts_once_reminds_after_the_interval_and_recovers_after_rotation(StorageProvider provider)
    {
        await using var harness = await HealthHarness.StartAsync(provider: provider);
        await harness.OnboardAsync();
        await harness.CycleAsync();
        var revoked = await harness.ActiveCertificateIdAsync();
        await harness.RevokeCertificateInNetSuiteAsync(revoked);

        // The token minted before the revocation still works until it expires; then the certificate is refused.
        await harness.CycleAfterAsync(Interval);
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(60));
        Assert.Equal(HealthState.Failing, (await harness.HealthAsync()).State);
        await harness.CycleAfterAsync(Recheck);
        await harness.CycleAfterAsync(Recheck);
        await harness.CycleAfterAsync(Recheck);

        var down = Assert.Single(harness.AlertPosts(harness.Ops));
        Assert.Equal(Tone.Attention, down.Tone);
        Assert.StartsWith("🔴 Demo Company (Sandbox) (1234567_SB1) — connection down since", down.Title, StringComparison.Ordinal);

        // Nobody in the ops channel said where they are, so times are in the company's zone, as NetSuite told it.
        Assert.EndsWith(" Europe/London", down.Title, StringComparison.Ordinal);
        Assert.Contains(down.Facts, f => f.Name == "Likely cause" && f.Value.Contains("no longer accepts the certificate", StringComparison.Ordinal));
        Assert.Contains(down.Facts, f => f.Name == "Last good check");
        Assert.Equal(["Re-run check", "Rotate certificate", "Mute 24 h"], down.Actions.Select(a => a.Label));
        Assert.Empty(harness.Notices(harness.Ops));
        Assert.Equal(FailureCause.CertificateRevoked, (await harness.HealthAsync()).Cause);

        await harness.CycleAfterAsync(TimeSpan.FromHours(4));
        var reminder = Assert.Single(harness.Notices(harness.Ops));
        Assert.StartsWith("🔴 Still down: Demo Company (Sandbox) (1234567_SB1) — down for 4 h", reminder.Title, StringComparison.Ordinal);
        Assert.Single(harness.AlertPosts(harness.Ops));

        var rotation = await harness.Flow.Get<CertificateRotation>().RotateAsync(harness.Account, await harness.AdminTokenAsync(), "re-authorization", CancellationToken.None);
        Assert.Equal(RotationStatus.Rotated, rotation.Status);
        Assert.True(rotation.OldRevoked);
        Assert.NotEqual(revoked, await harness.ActiveCertificateIdAsync());

        await harness.CycleAfterAsync(Recheck);
        Assert.Equal(HealthState.Recovered, (await harness.HealthAsync()).State);
        await harness.CycleAfterAsync(Interval);
        await harness.CycleAfterAsync(Interval);

        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
        Assert.Single(harness.AlertPosts(harness.Ops));
        var notices = harness.Notices(harness.Ops);
        Assert.Equal(2, notices.Count);
        Assert.StartsWith("🟢 Demo Company (Sandbox) (1234567_SB1) — recovered at", notices[1].Title, StringComparison.Ordinal);
        var card = harness.Shown(harness.Ops).Last(m => m.Slot is not null).View;
        Assert.Equal(Tone.Good, card.Tone);
        Assert.Equal(1, await harness.Flow.ActiveSandboxCertificatesAsync());
    }

    [Fact]
    public async Task A_storm_of_429s_never_alerts()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.CycleAsync();
        await harness.Flow.InjectFaultAsync("/services/rest/query/v1/suiteql", "POST", 429, count: 100);
        await harness.Flow.InjectFaultAsync("/app/site/hosting/restlet.nl", "GET", 429, count: 100);

        for (var i = 0; i < 12; i++)
        {
            await harness.CycleAfterAsync(Interval);
        }

        Assert.Empty(harness.Shown(harness.Ops));
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
        var checks = await harness.ChecksAsync();
        Assert.True(checks.Count(c => c.Cause == FailureCause.RateLimited) >= 12, string.Join(", ", checks.Select(c => c.Cause)));
    }

    [Fact]
    public async Task Uninstalled_bundle_alerts_naming_that_cause()
    {
        // A production account: in a sandbox account the same signs are read as a refresh (see the refresh scenario).
        await using var harness = await HealthHarness.StartAsync(account: FlowHarness.ProductionAccount);
        await harness.OnboardAsync();

        await harness.BundleGoesDownAsync();

        var down = Assert.Single(harness.AlertPosts(harness.Ops));
        Assert.Equal(FailureCause.BundleUninstalled, (await harness.HealthAsync()).Cause);
        Assert.Contains(down.Facts, f => f.Name == "What broke" && f.Value == "The app's bundle");
        Assert.Contains(down.Facts, f => f.Name == "Likely cause" && f.Value.Contains("bundle looks uninstalled", StringComparison.Ordinal));
        Assert.Contains(down.Facts, f => f.Name == "What to do" && f.Value.StartsWith("Reinstall the bundle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Certificate_near_expiry_is_renewed_and_the_old_one_revoked_without_a_failed_check()
    {
        await using var harness = await HealthHarness.StartAsync(settings: s => s["NetSuite:CertificateValidityDays"] = "40");
        await harness.OnboardAsync();
        await harness.CycleAsync();
        var original = await harness.ActiveCertificateIdAsync();
        Assert.Empty(harness.Shown(harness.Ops));

        await harness.CycleAfterAsync(TimeSpan.FromDays(11));

        var renewed = await harness.ActiveCertificateIdAsync();
        Assert.NotEqual(original, renewed);
        var certificates = await harness.Flow.SandboxCertificatesAsync();
        Assert.True(certificates.Single(c => c["certificate_id"]!.GetValue<string>() == original)["revoked"]!.GetValue<bool>());
        Assert.False(certificates.Single(c => c["certificate_id"]!.GetValue<string>() == renewed)["revoked"]!.GetValue<bool>());
        Assert.Equal(1, await harness.Flow.ActiveSandboxCertificatesAsync());
        var notice = Assert.Single(harness.Notices(harness.Ops));
        Assert.StartsWith("🔑 New certificate for Demo Company (Sandbox) (1234567_SB1) is in use", notice.Title, StringComparison.Ordinal);

        await harness.CycleAfterAsync(Interval);
        await harness.CycleAfterAsync(TimeSpan.FromHours(2));

        Assert.All(await harness.ChecksAsync(), c => Assert.True(c.Succeeded, $"{c.Kind} at {c.At}: {c.Cause} {c.Said}"));
        var health = await harness.HealthAsync();
        Assert.Equal(HealthState.Healthy, health.State);
        Assert.Equal((4L, 0L), (health.ChecksPassed, health.ChecksFailed));
        Assert.Equal(2, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM tenant_keys WHERE status = 'Revoked' OR status = 'Active'"));
    }

    [Fact]
    public async Task A_channel_the_bot_was_removed_from_is_unsubscribed_and_the_others_still_hear()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var removed = new ConversationKey("msteams", "tenant-1", "removed-" + Guid.NewGuid().ToString("N"));
        await harness.SubscribeAsync(removed);
        harness.Publisher.Refuse(removed);

        await harness.BundleGoesDownAsync();
        await harness.CycleAfterAsync(TimeSpan.FromHours(4));

        Assert.Single(harness.AlertPosts(harness.Ops));
        Assert.Single(harness.Notices(harness.Ops));
        Assert.Equal(1, harness.Publisher.Refusals(removed));
        var subscriptions = harness.Flow.Get<AlertSubscriptionStore>();
        Assert.Contains("403", await subscriptions.DisabledReasonAsync(removed, CancellationToken.None), StringComparison.Ordinal);
        Assert.DoesNotContain(removed, await subscriptions.ActiveAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_healthy_tenant_is_checked_every_interval_and_its_bundle_less_often(StorageProvider provider)
    {
        await using var harness = await HealthHarness.StartAsync(provider: provider);
        await harness.OnboardAsync();

        Assert.Equal(1, (await harness.CycleAsync()).Checked);
        Assert.Equal(0, (await harness.CycleAfterAsync(TimeSpan.FromMinutes(4))).Checked);
        Assert.Equal(1, (await harness.CycleAfterAsync(TimeSpan.FromMinutes(1))).Checked);
        for (var i = 0; i < 11; i++)
        {
            await harness.CycleAfterAsync(Interval);
        }

        var health = await harness.HealthAsync();
        Assert.Equal((13L, 0L), (health.ChecksPassed, health.ChecksFailed));

        // The bundle was checked in the first cycle and again an hour later, in the last.
        Assert.Equal(harness.Time.GetUtcNow(), health.LastBundleCheckAt);

        // The log keeps the first round (connection, then bundle); the routine passes after it are only counted.
        Assert.Equal([CheckKind.Bundle, CheckKind.Connection], (await harness.ChecksAsync()).Select(c => c.Kind));
        Assert.Empty(harness.Shown(harness.Ops));
    }

    [Fact]
    public async Task A_routine_check_logs_nothing_at_the_hosts_default_level()
    {
        // The bot's own level and retries (appsettings.json, NetSuiteOptions): a line per check would be tens a second at
        // thousands of tenants.
        await using var harness = await HealthHarness.StartAsync(
            settings: values => values.Remove("NetSuite:MaxRetryAttempts"),
            services: s => s.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddFakeLogging()));
        await harness.OnboardAsync();
        await harness.CycleAsync();
        var logs = harness.Flow.Get<FakeLogCollector>();
        logs.Clear();

        var routine = await harness.CycleAfterAsync(Interval);

        Assert.Equal((1, 0L), (routine.Checked, (await harness.HealthAsync()).ChecksFailed));
        Assert.Empty(logs.GetSnapshot().Select(l => $"{l.Level} {l.Category}: {l.Message}"));
    }
}
