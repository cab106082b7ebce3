using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Resumes interrupted onboardings without anyone pressing Retry: at start-up and every minute, sessions left running by a
/// crashed or restarted process are carried on once their lease has run out.
/// </summary>
public sealed class OnboardingResumer(OnboardingFlow flow, TimeProvider timeProvider, ILogger<OnboardingResumer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
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
