using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Onboarding.Engine.Health;

namespace Onboarding.Bot.Health;

/// <summary>Connection health in the host: the monitor on a timer and <c>GET /healthz</c> for ops (its metrics are exported by <c>AddTelemetry</c>).</summary>
public static class HealthHostingRegistration
{
    // A database that takes longer than this to answer one query is as good as down for the chat turns waiting on it.
    private static readonly TimeSpan StorageCheckTimeout = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddConnectionHealth(this IHostApplicationBuilder builder)
    {
        // The NetSuite clients come from AddNetSuite (Program.cs): registering them twice would stack their resilience handlers.
        builder.Services.AddConnectionHealth(builder.Configuration);

        builder.Services.TryAddSingleton(services => new Lazy<HealthMonitor>(services.GetRequiredService<HealthMonitor>));
        builder.Services.TryAddSingleton<HealthMonitorService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HealthMonitorService>());
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", timeout: StorageCheckTimeout)
            .AddCheck<MonitorHealthCheck>("monitor");

        return builder;
    }

    /// <summary>Maps <c>GET /healthz</c>: 200 with each check's status when storage answers and the monitor runs, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapConnectionHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count == 0 ? null : e.Value.Data }),
        }, cancellationToken: context.RequestAborted);
    }
}
