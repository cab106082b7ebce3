using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Onboarding;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Health;

/// <summary>Health against the strict sandbox: both kinds of account, rotation with overlap, and a sandbox refresh.</summary>
public sealed class NetSuiteRulesHealthTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(FlowHarness.DemoAccount)]
    [InlineData(FlowHarness.ProductionAccount)]
    public async Task A_connected_tenant_stays_healthy_on_OneWorld_and_non_OneWorld_accounts(string account)
    {
        await using var harness = await HealthHarness.StartAsync(account: account);
        await harness.OnboardAsync();

        for (var i = 0; i < 14; i++)
        {
            await harness.CycleAfterAsync(Interval);
        }

        var checks = await harness.ChecksAsync();
        Assert.Contains(checks, c => c.Kind == CheckKind.Bundle);
        Assert.All(checks, c => Assert.True(c.Succeeded, $"{c.Kind} at {c.At}: {c.Cause} {c.Said}"));
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
        Assert.Empty(harness.Shown(harness.Ops));
    }

    [Fact]
    public async Task Rotation_uploads_beside_the_old_certificate_and_revokes_it_only_after_the_new_one_works()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var old = await harness.ActiveCertificateIdAsync();

        var outcome = await harness.Flow.Get<CertificateRotation>().RotateAsync(harness.Account, null, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.Rotated, outcome.Status);
        Assert.True(outcome.OldRevoked);
        var listed = await harness.Flow.SandboxCertificatesAsync();
        Assert.Equal(2, listed.Count);
        Assert.True(listed.Single(c => c["certificate_id"]!.GetValue<string>() == old)["revoked"]!.GetValue<bool>());
        Assert.False(listed.Single(c => c["certificate_id"]!.GetValue<string>() == outcome.NewCertificateId)["revoked"]!.GetValue<bool>());
        await harness.CycleAfterAsync(Interval);
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
    }

    [Fact]
    public async Task A_new_certificate_that_fails_its_proof_is_withdrawn_and_the_old_one_stays_in_use()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.CycleAsync();
        var old = await harness.ActiveCertificateIdAsync();
        await harness.Flow.InjectFaultAsync("/services/rest/query/v1/suiteql", "POST", 400, count: 1, errorCode: "INVALID_PARAMETER");

        var outcome = await harness.Flow.Get<CertificateRotation>().RotateAsync(harness.Account, null, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.Failed, outcome.Status);
        Assert.Equal("prove", outcome.Stage);
        Assert.True(outcome.OldKeptActive);
        Assert.Equal(old, await harness.ActiveCertificateIdAsync());
        var listed = await harness.Flow.SandboxCertificatesAsync();
        Assert.False(listed.Single(c => c["certificate_id"]!.GetValue<string>() == old)["revoked"]!.GetValue<bool>());
        Assert.Equal(1, await harness.Flow.ActiveSandboxCertificatesAsync());
        Assert.Contains("stays active and in use", CertificateViews.RotationFailed(Wording.English, new MonitoredTenant(harness.Account, "Demo"), outcome).Body[0], StringComparison.Ordinal);
        await harness.CycleAfterAsync(Interval);
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
    }

    [Fact]
    public async Task A_refreshed_sandbox_is_its_own_cause_and_Connect_again_brings_the_tenant_back_keeping_its_settings()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.CycleAsync();
        var oldCertificate = await harness.ActiveCertificateIdAsync();

        await harness.Flow.ControlAsync("refresh");
        await harness.CycleAfterAsync(Interval);
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(1));
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(1));

        var health = await harness.HealthAsync();
        Assert.Equal(HealthState.Down, health.State);
        Assert.Equal(FailureCause.SandboxRefreshed, health.Cause);
        var alert = Assert.Single(harness.AlertPosts(harness.Ops));
        Assert.Contains(alert.Facts, f => f.Name == "Likely cause" && f.Value.Contains("refreshed from production", StringComparison.Ordinal));
        Assert.Equal(["Re-run check", "Connect again", "Mute 24 h"], alert.Actions.Select(a => a.Label));

        // Connect again: a new onboarding card where the account was onboarded; staff hear where it went.
        await harness.Flow.PressAsync(alert, "Connect again", harness.Flow.Staff, harness.Ops);
        var sessions = await harness.Flow.Get<OnboardingSessions>().ForConversationAsync(harness.Flow.Conversation, CancellationToken.None);
        var reconnect = sessions[0];
        Assert.Equal(2, sessions.Count);
        Assert.Equal(OnboardingStep.AwaitingAuthorization, reconnect.Step);
        Assert.True(reconnect.Reconnect);
        Assert.Equal("Connect NetSuite 1234567_SB1 again", harness.Flow.Publisher.Card(reconnect.Id.Value)!.Title);
        Assert.StartsWith("Connect again: Demo Company (Sandbox) (1234567_SB1)", harness.Notices(harness.Ops)[^1].Title, StringComparison.Ordinal);
        Assert.Equal(TenantStatus.Connected, (await TenantAsync(harness)).Status);

        Assert.True((await harness.Flow.AuthorizeAsync(harness.Flow.Publisher.Card(reconnect.Id.Value)!)).Succeeded);
        await harness.Flow.PressAsync(harness.Flow.Publisher.Card(reconnect.Id.Value)!, "I've installed it");
        var done = (await harness.Flow.Get<OnboardingSessions>().FindAsync(reconnect.Id, CancellationToken.None))!;
        Assert.True(done.Status == SessionStatus.Completed, FlowHarness.Describe(harness.Flow.Publisher.Card(reconnect.Id.Value)));

        Assert.NotEqual(oldCertificate, await harness.ActiveCertificateIdAsync());
        Assert.Equal(1, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM tenant_keys WHERE status = 'Active'"));
        Assert.Equal(1, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM tenant_keys WHERE status = 'Revoked' AND netsuite_certificate_id = @id", new { id = oldCertificate }));
        var tenant = await TenantAsync(harness);
        Assert.Equal(TenantStatus.Connected, tenant.Status);
        Assert.Equal("Demo Company (Sandbox)", tenant.CompanyName);
        Assert.Equal("Europe/London", tenant.TimeZone);

        await harness.CycleAfterAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(HealthState.Recovered, (await harness.HealthAsync()).State);
        await harness.CycleAfterAsync(Interval);
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
        Assert.Contains(harness.Notices(harness.Ops), n => n.Title.StartsWith("🟢 Demo Company (Sandbox) (1234567_SB1) — recovered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_Connect_again_may_authorize_for_an_account_that_is_still_connected()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var elsewhere = new ConversationKey("msteams", "tenant-2", "other-" + Guid.NewGuid().ToString("N"));

        await harness.Flow.SendAsync("onboard", FlowHarness.DemoAccount, conversation: elsewhere);
        var squatter = (await harness.Flow.Get<OnboardingSessions>().ForConversationAsync(elsewhere, CancellationToken.None))[0];
        var result = await harness.Flow.AuthorizeAsync(harness.Flow.Publisher.Card(squatter.Id.Value)!);

        Assert.False(result.Succeeded);
        Assert.Equal(FlowCodes.AlreadyConnected, (await harness.Flow.Get<OnboardingSessions>().FindAsync(squatter.Id, CancellationToken.None))!.Failure?.Code);
        Assert.Equal(1, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM tenant_keys WHERE status = 'Active'"));
    }

    [Fact]
    public async Task On_a_production_account_the_same_signs_mean_the_bundle_and_offer_no_Connect_again()
    {
        await using var harness = await HealthHarness.StartAsync(account: FlowHarness.ProductionAccount);
        await harness.OnboardAsync();

        await harness.BundleGoesDownAsync();

        Assert.Equal(FailureCause.BundleUninstalled, (await harness.HealthAsync()).Cause);
        Assert.DoesNotContain(Assert.Single(harness.AlertPosts(harness.Ops)).Actions, a => a.Label == "Connect again");
    }

    private static async Task<Tenant> TenantAsync(HealthHarness harness) =>
        (await StorageTransaction.ReadAsync(harness.Flow.Get<Database>(), read => harness.Flow.Get<TenantStore>().FindAsync(read, harness.Account, CancellationToken.None), CancellationToken.None))!;
}
