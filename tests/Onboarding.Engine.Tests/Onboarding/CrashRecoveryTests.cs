using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Views;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Onboarding;

public sealed class CrashRecoveryTests
{
    [SkippableTheory]
    [StorageProviders]
    public async Task Upload_whose_answer_was_lost_is_reconciled_on_retry_instead_of_uploaded_twice(StorageProvider provider)
    {
        await using var harness = await FlowHarness.StartAsync(
            services: s => s.Decorate<ICertificateClient>((inner, _) => new LosingFirstUploadAnswer(inner)),
            provider: provider);
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.AuthorizeAsync(await harness.CardAsync());
        await harness.InstallBundleAsync();

        await harness.PressAsync(await harness.CardAsync(), "I've installed it");
        Assert.Equal(SessionStatus.Failed, (await harness.SessionAsync()).Status);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());

        await harness.PressAsync(await harness.CardAsync(), "Retry");

        var session = await harness.SessionAsync();
        Assert.True(session.Status == SessionStatus.Completed, FlowHarness.Describe(await harness.CardAsync()));
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.reconciled'"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.uploaded'"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_crash_in_step_three_leaves_a_card_that_offers_retry_once_the_lease_runs_out_and_resumes_there(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await CrashAfterUploadAsync(clock, provider);

        var stalled = await harness.SessionAsync();
        Assert.Equal((OnboardingStep.EstablishingMachineAccess, SessionStatus.Running), (stalled.Step, stalled.Status));
        await harness.SendAsync("status", FlowHarness.DemoAccount);
        Assert.DoesNotContain((await harness.CardAsync()).Actions, a => a.Label == "Retry");

        clock.Advance(TimeSpan.FromMinutes(3));
        await AdvanceSandboxClockAsync(harness, TimeSpan.FromMinutes(3));
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var card = await harness.CardAsync();
        await harness.PressAsync(card, "Retry");

        Assert.True((await harness.SessionAsync()).Status == SessionStatus.Completed, FlowHarness.Describe(await harness.CardAsync()));
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM tenant_keys"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task After_a_restart_an_interrupted_onboarding_is_resumed_without_anyone_pressing_retry(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await CrashAfterUploadAsync(clock, provider);
        var flow = harness.Get<OnboardingFlow>();
        Assert.Equal(0, await flow.ResumeInterruptedAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(3));
        await AdvanceSandboxClockAsync(harness, TimeSpan.FromMinutes(3));

        Assert.Equal(1, await flow.ResumeInterruptedAsync(CancellationToken.None));
        Assert.Equal(SessionStatus.Completed, (await harness.SessionAsync()).Status);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Two_concurrent_clicks_on_the_same_button_run_the_step_once(StorageProvider provider)
    {
        await using var harness = await FlowHarness.StartAsync(provider: provider);
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.AuthorizeAsync(await harness.CardAsync());
        await harness.InstallBundleAsync();
        var card = await harness.CardAsync();

        await Task.WhenAll(
            Task.Run(() => harness.PressAsync(card, "I've installed it")),
            Task.Run(() => harness.PressAsync(card, "I've installed it")));

        Assert.Equal(SessionStatus.Completed, (await harness.SessionAsync()).Status);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.uploaded'"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%→ BundleVerified/Running'"));
    }

    /// <summary>An onboarding whose process "dies" right after NetSuite stored the certificate, leaving the step running.</summary>
    private static async Task<FlowHarness> CrashAfterUploadAsync(FakeTimeProvider clock, StorageProvider provider)
    {
        var harness = await FlowHarness.StartAsync(
            services: s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.Decorate<ICertificateClient>((inner, _) => new CrashingAfterUpload(inner));
            },
            provider: provider);
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.AuthorizeAsync(await harness.CardAsync());
        await harness.InstallBundleAsync();
        var waiting = await harness.CardAsync();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.PressAsync(waiting, "I've installed it"));
        return harness;
    }

    private static async Task AdvanceSandboxClockAsync(FlowHarness harness, TimeSpan by)
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(new Uri(harness.Sandbox.BaseAddress, "_sandbox/clock/advance"), new { seconds = by.TotalSeconds })).EnsureSuccessStatusCode();
    }

    /// <summary>NetSuite stores the certificate, but the answer never arrives (connection dropped).</summary>
    private sealed class LosingFirstUploadAnswer(ICertificateClient inner) : ICertificateClient
    {
        private int _uploads;

        public Task<NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>> ListAsync(AccountId account, BearerToken accessToken, CancellationToken cancellationToken) =>
            inner.ListAsync(account, accessToken, cancellationToken);

        public async Task<NetSuiteResult<UploadedCertificate>> UploadAsync(AccountId account, BearerToken accessToken, string certificatePem, long roleId, long entityId, CancellationToken cancellationToken)
        {
            var result = await inner.UploadAsync(account, accessToken, certificatePem, roleId, entityId, cancellationToken);
            return Interlocked.Increment(ref _uploads) == 1
                ? new NetSuiteError(NetSuiteErrorKind.Network, Phrase.Verbatim("The connection to NetSuite dropped."))
                : result;
        }

        public Task<NetSuiteResult<CertificateRevocation>> RevokeAsync(AccountId account, BearerToken accessToken, string certificateId, CancellationToken cancellationToken) =>
            inner.RevokeAsync(account, accessToken, certificateId, cancellationToken);
    }

    /// <summary>The process dies right after NetSuite stored the certificate.</summary>
    private sealed class CrashingAfterUpload(ICertificateClient inner) : ICertificateClient
    {
        private int _uploads;

        public Task<NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>> ListAsync(AccountId account, BearerToken accessToken, CancellationToken cancellationToken) =>
            inner.ListAsync(account, accessToken, cancellationToken);

        public async Task<NetSuiteResult<UploadedCertificate>> UploadAsync(AccountId account, BearerToken accessToken, string certificatePem, long roleId, long entityId, CancellationToken cancellationToken)
        {
            var result = await inner.UploadAsync(account, accessToken, certificatePem, roleId, entityId, cancellationToken);
            return Interlocked.Increment(ref _uploads) == 1 ? throw new SimulatedCrashException() : result;
        }

        public Task<NetSuiteResult<CertificateRevocation>> RevokeAsync(AccountId account, BearerToken accessToken, string certificateId, CancellationToken cancellationToken) =>
            inner.RevokeAsync(account, accessToken, certificateId, cancellationToken);
    }

    private sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException()
            : base("Simulated process crash.")
        {
        }
    }
}
