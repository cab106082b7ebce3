using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Health;

namespace Onboarding.Bot.Health;

/// <summary>For <c>/healthz</c>: the monitor is running and has finished a cycle recently (within three cycle intervals).</summary>
internal sealed class MonitorHealthCheck(HealthMonitorService service, HealthMonitor monitor, IOptions<HealthOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The monitor is switched off (Health:Enabled is false)."));
        }

        var now = timeProvider.GetUtcNow();
        var allowed = settings.CycleInterval * 3;
        var data = new Dictionary<string, object>();
        if (monitor.LastCycleCompletedAt is { } last)
        {
            data["lastCycle"] = last;
            if (now - last <= allowed)
            {
                return Task.FromResult(HealthCheckResult.Healthy("The monitor is running.", data));
            }
        }

        // Just started: the first cycle may still be on its way.
        return Task.FromResult(service.StartedAt is { } started && now - started <= allowed
            ? HealthCheckResult.Healthy("The monitor is starting.", data)
            : HealthCheckResult.Unhealthy($"The monitor has not finished a cycle in {allowed}.", data: data));
    }
}
