using Microsoft.Extensions.Options;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Bot.NetSuite;

/// <summary>
/// Keeps the one-hour promise for onboardings people walk away from: runs <see cref="AdminAccessSweep"/> and sleeps until
/// the next admin access is due to end (at most <see cref="MaxWait"/>, so a consent given meanwhile is seen well before
/// its deadline, which is at least five minutes away). Driven by <see cref="TimeProvider"/>, so tests move it with a fake clock.
/// </summary>
/// <remarks>The sweep is taken lazily, like the health monitor: building it builds the chat publishers, which must not fail before start-up validation has named a bad setting.</remarks>
internal sealed class AdminAccessSweepService(
    Lazy<AdminAccessSweep> sweep,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider,
    ILogger<AdminAccessSweepService> logger) : BackgroundService
{
    /// <summary>The longest sleep between two sweeps.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    // After a failed sweep, or with a deadline already due, a short pause keeps the loop from spinning.
    private static readonly TimeSpan MinWait = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.AdminAccessSweepStarted(logger, options.Value.AdminAccessLifetime);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = MaxWait;
            try
            {
                var result = await sweep.Value.SweepAsync(stoppingToken).ConfigureAwait(false);
                if (result.NextDeadline is { } next)
                {
                    var untilNext = next - timeProvider.GetUtcNow();
                    wait = untilNext < MinWait ? MinWait : untilNext < MaxWait ? untilNext : MaxWait;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.AdminAccessSweepCycleFailed(logger, e);
            }

            try
            {
                await Task.Delay(wait, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
