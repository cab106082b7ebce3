using System.Diagnostics.Metrics;

namespace Onboarding.Engine.Diagnostics;

/// <summary>The onboarding flow's instruments on the <c>Onboarding.Flow</c> meter: onboardings started and finished, step durations.</summary>
public sealed class OnboardingMetrics
{
    public const string MeterName = "Onboarding.Flow";

    private readonly Counter<long> _started;
    private readonly Counter<long> _finished;
    private readonly Histogram<double> _stepDuration;

    public OnboardingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _started = meter.CreateCounter<long>("onboarding.started", "{onboarding}", "Onboardings started.");
        _finished = meter.CreateCounter<long>(
            "onboarding.finished", "{onboarding}", "Onboardings that completed, failed (by cause; a retryable failure counts each time) or were cancelled.");
        _stepDuration = meter.CreateHistogram<double>("onboarding.step.duration", "s", "Time one run of an onboarding step took, by step and outcome.");
    }

    public void Started() => _started.Add(1);

    /// <summary>An onboarding reached <paramref name="outcome"/> (<c>completed</c>, <c>failed</c>, <c>cancelled</c>); <paramref name="cause"/> is the failure code.</summary>
    public void Finished(string outcome, string? cause) =>
        _finished.Add(1, new KeyValuePair<string, object?>(EngineTags.Outcome, outcome), new KeyValuePair<string, object?>(EngineTags.Cause, cause ?? "none"));

    public void StepRan(string step, string outcome, TimeSpan duration) =>
        _stepDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(EngineTags.Step, step), new KeyValuePair<string, object?>(EngineTags.Outcome, outcome));
}
