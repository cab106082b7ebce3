using System.Diagnostics.Metrics;

namespace Onboarding.Engine.Health;

/// <summary>Health's instruments on the <c>Onboarding.Health</c> meter: checks, failures by cause, alerts sent, check latency.</summary>
public sealed class HealthMetrics
{
    public const string MeterName = "Onboarding.Health";

    private readonly Counter<long> _checks;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _alerts;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _renewals;

    public HealthMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _checks = meter.CreateCounter<long>("onboarding.health.checks", "{check}", "Connection and bundle checks run.");
        _failures = meter.CreateCounter<long>("onboarding.health.failures", "{check}", "Failed checks, by cause.");
        _alerts = meter.CreateCounter<long>("onboarding.health.alerts", "{message}", "Alert messages delivered, by kind.");
        _latency = meter.CreateHistogram<double>("onboarding.health.check.duration", "ms", "Time a check took.");
        _renewals = meter.CreateCounter<long>("onboarding.health.certificate.renewals", "{renewal}", "Certificate renewals, by outcome.");
    }

    public void CheckCompleted(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var kind = new KeyValuePair<string, object?>("kind", result.Kind.ToString());
        _checks.Add(1, kind, new("outcome", result.Succeeded ? "passed" : "failed"));
        _latency.Record(result.Latency.TotalMilliseconds, kind);
        if (result.Cause is { } cause)
        {
            _failures.Add(1, kind, new("cause", cause.ToString()));
        }
    }

    public void AlertSent(AlertKind kind) => _alerts.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    public void RenewalFinished(string outcome) => _renewals.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
