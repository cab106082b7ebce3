using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Resumes interrupted onboardings without anyone pressing Retry: at start-up and then every half step lease (at most every
/// minute), sessions left running by a crashed or restarted process — this instance or another — are carried on once their
/// lease has run out; of several instances, one resumes each session (<see cref="OnboardingFlow.ResumeInterruptedAsync"/>).
/// </summary>
public sealed class OnboardingResumer(OnboardingFlow flow, IOptions<OnboardingOptions> options, TimeProvider timeProvider, ILogger<OnboardingResumer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var halfLease = options.Value.StepLease / 2;
        using var timer = new PeriodicTimer(halfLease < MaxInterval ? halfLease : MaxInterval, timeProvider);
        do
        {
            try
            {
                var resumed = await flow.ResumeInterruptedAsync(stoppingToken).ConfigureAwait(false);
                if (resumed > 0)
                {
                    OnboardingsResumed(logger, resumed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad session must not stop recovery for the others on the next tick.
                ResumeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
