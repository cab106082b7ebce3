using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Health;

public sealed class HealthMetricsTests
{
    [Fact]
    public async Task Checks_failures_by_cause_alerts_latency_and_token_mints_are_measured()
    {
        await using var harness = await HealthHarness.StartAsync(account: Onboarding.FlowHarness.ProductionAccount);
        var meters = harness.Flow.Get<IMeterFactory>();
        using var checks = new MetricCollector<long>(meters, HealthMetrics.MeterName, "onboarding.health.checks");
        using var failures = new MetricCollector<long>(meters, HealthMetrics.MeterName, "onboarding.health.failures");
        using var alerts = new MetricCollector<long>(meters, HealthMetrics.MeterName, "onboarding.health.alerts");
        using var latency = new MetricCollector<double>(meters, HealthMetrics.MeterName, "onboarding.health.check.duration");
        using var mints = new MetricCollector<long>(meters, NetSuiteMetrics.MeterName, "onboarding.netsuite.token.mints");
        await harness.OnboardAsync();
        var mintedWhileOnboarding = mints.GetMeasurementSnapshot().Count;

        await harness.CycleAsync();
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(mintedWhileOnboarding, mints.GetMeasurementSnapshot().Count);

        await harness.UninstallBundleAsync();
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(5));
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(1));

        Assert.True(checks.GetMeasurementSnapshot().Count >= 5);
        Assert.Contains(checks.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "passed");
        Assert.Contains(failures.GetMeasurementSnapshot(), m => (string?)m.Tags["cause"] == nameof(FailureCause.BundleUninstalled));
        Assert.Contains(alerts.GetMeasurementSnapshot(), m => (string?)m.Tags["kind"] == nameof(AlertKind.Down));
        Assert.Equal(checks.GetMeasurementSnapshot().Count, latency.GetMeasurementSnapshot().Count);
        Assert.Contains(mints.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "refused");
    }
}
