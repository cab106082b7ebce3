using System.Diagnostics;
using Onboarding.Engine.Diagnostics;

namespace Onboarding.Engine.Onboarding;

/// <summary>Wraps one run of an onboarding step in its span and records how long it took (<see cref="OnboardingMetrics"/>).</summary>
public sealed class StepTelemetry(OnboardingMetrics metrics, TimeProvider timeProvider)
{
    /// <summary>Runs <paramref name="run"/> as step <paramref name="step"/>; a null result means the step stopped (failed, or another worker has it).</summary>
    public async Task<OnboardingSession?> RunAsync(string step, OnboardingSession session, Func<Task<OnboardingSession?>> run)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(run);
        using var span = EngineActivities.Flow.StartActivity($"onboarding step {step}");
        span?.SetTag(EngineTags.Step, step);
        span?.SetTag(EngineTags.Session, session.Id.Value);
        span?.SetTag(EngineTags.Account, session.Account?.Value);
        var started = timeProvider.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await run().ConfigureAwait(false);
            outcome = result is null ? "stopped" : "continued";
            span?.SetTag(EngineTags.Status, result?.Status.ToString());
            return result;
        }
        finally
        {
            span?.SetTag(EngineTags.Outcome, outcome);
            if (outcome == "error")
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            metrics.StepRan(step, outcome, timeProvider.GetElapsedTime(started));
        }
    }
}
