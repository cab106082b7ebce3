using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    private static readonly JsonSerializerOptions ReportJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

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

    /// <summary>
    /// Maps <c>GET /healthz</c>: 200 when storage answers and the monitor runs, 503 otherwise, with each check's status.
    /// The endpoint shares its port with <c>/api/messages</c>, which the internet reaches; only a caller on this machine also
    /// gets each check's description and data (which database, on which host or in which file, and why it failed).
    /// </summary>
    public static IEndpointRouteBuilder MapConnectionHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    internal static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var detailed = context.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller);
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => detailed
                ? new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count == 0 ? null : e.Value.Data }
                : new { status = e.Value.Status.ToString(), description = (string?)null, data = (IReadOnlyDictionary<string, object>?)null }),
        }, ReportJson, context.RequestAborted);
    }
}
