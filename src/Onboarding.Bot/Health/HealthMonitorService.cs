using Microsoft.Extensions.Options;
using Onboarding.Engine.Health;

namespace Onboarding.Bot.Health;

/// <summary>Runs the health monitor's cycle on a timer for as long as the host lives; a failed cycle is logged, never fatal.</summary>
/// <remarks>
/// The monitor is taken lazily: hosted services are all built before any starts, and building the monitor builds the chat
/// publishers (Bot Framework authentication among them), which would fail on bad settings before start-up validation
/// could name the bad key.
/// </remarks>
internal sealed class HealthMonitorService(Lazy<HealthMonitor> monitor, IOptions<HealthOptions> options, TimeProvider timeProvider, ILogger<HealthMonitorService> logger)
    : BackgroundService
{
    /// <summary>When the service began running cycles; null while it has not (or is switched off).</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.HealthMonitorDisabled(logger);
            return;
        }

        StartedAt = timeProvider.GetUtcNow();
        Log.HealthMonitorStarted(logger, settings.CycleInterval);
        using var timer = new PeriodicTimer(settings.CycleInterval, timeProvider);
        do
        {
            try
            {
                await monitor.Value.RunCycleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.HealthCycleFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
