using Onboarding.Engine.Health;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Health;

/// <summary>Expiry warnings and renewal when the app's role cannot manage certificates by itself.</summary>
public sealed class CertificateLifecycleTests
{
    private const string ManageCertificates = "Manage own OAuth 2.0 Client Credentials certificates";

    [Fact]
    public async Task Without_the_certificate_permission_renewal_asks_for_a_reauthorization_at_each_warning_threshold()
    {
        await using var harness = await HealthHarness.StartAsync(settings: s => s["NetSuite:CertificateValidityDays"] = "40");
        await harness.OnboardAsync();
        await harness.CycleAsync();
        var original = await harness.ActiveCertificateIdAsync();
        await harness.RemovePermissionAsync(1001, ManageCertificates);

        await harness.CycleAfterAsync(TimeSpan.FromDays(11));
        var first = Assert.Single(harness.Notices(harness.Ops));
        Assert.Equal(Tone.Warning, first.Tone);
        Assert.StartsWith("Certificate for Demo Company (Sandbox) (1234567_SB1) needs a one-hour re-authorization before", first.Title, StringComparison.Ordinal);
        Assert.Equal("Re-authorize", Assert.Single(first.Actions).Label);

        await harness.CycleAfterAsync(TimeSpan.FromHours(7));
        Assert.Single(harness.Notices(harness.Ops));

        await harness.CycleAfterAsync(TimeSpan.FromDays(23));
        await harness.CycleAfterAsync(TimeSpan.FromDays(5));
        await harness.CycleAfterAsync(TimeSpan.FromHours(1));

        var warnings = harness.Notices(harness.Ops);
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("re-authorization", w.Title, StringComparison.Ordinal));
        Assert.Equal(original, await harness.ActiveCertificateIdAsync());
        Assert.All(await harness.ChecksAsync(), c => Assert.True(c.Succeeded, $"{c.Kind}: {c.Cause}"));

        // The admin re-authorizes; the app renews with that token.
        var rotation = await harness.Flow.Get<CertificateRotation>().RotateAsync(harness.Account, await harness.AdminTokenAsync(), "re-authorization", CancellationToken.None);
        Assert.Equal(RotationStatus.Rotated, rotation.Status);
        Assert.NotEqual(original, await harness.ActiveCertificateIdAsync());
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
    }

    [Fact]
    public async Task A_certificate_far_from_expiry_gets_neither_warning_nor_renewal()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var original = await harness.ActiveCertificateIdAsync();

        await harness.CycleAsync();
        await harness.CycleAfterAsync(TimeSpan.FromDays(100));

        Assert.Empty(harness.Shown(harness.Ops));
        Assert.Equal(original, await harness.ActiveCertificateIdAsync());
    }
}
