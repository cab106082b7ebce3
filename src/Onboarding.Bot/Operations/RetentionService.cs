using Microsoft.Extensions.Options;
using Onboarding.Engine.Operations;

namespace Onboarding.Bot.Operations;

/// <summary>Runs the retention job (<see cref="DataRetention"/>) at start and then every <c>Retention:Interval</c>; a failed run is logged, never fatal.</summary>
internal sealed class RetentionService(DataRetention retention, IOptions<RetentionOptions> options, TimeProvider timeProvider, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.RetentionDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        do
        {
            try
            {
                await retention.PruneAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.RetentionFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
