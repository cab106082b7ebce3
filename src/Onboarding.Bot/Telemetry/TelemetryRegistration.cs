using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Onboarding.Bot.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: the engine's and the host's sources and meters, ASP.NET Core and HttpClient
/// instrumentation; exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, to the console when
/// <c>Telemetry:Console</c> is true, and nowhere otherwise (docs/operations.md).
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>The OpenTelemetry specification's variable for the collector; the OTLP exporter reads it (and the other OTEL_* variables) itself.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Also writes spans and metrics to the console (nothing leaves the machine); off by default.</summary>
    public const string ConsoleKey = "Telemetry:Console";

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "onboarding-bot";

    public static IReadOnlyList<string> MeterNames { get; } =
        [OnboardingMetrics.MeterName, HealthMetrics.MeterName, NetSuiteMetrics.MeterName, HostTelemetry.MeterName];

    public static IReadOnlyList<string> SourceNames { get; } = [.. EngineActivities.SourceNames, HostTelemetry.DeliverySourceName];

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var console = configuration.GetValue(ConsoleKey, false);
        var exported = otlp || console;
        builder.Services.TryAddSingleton<HostTelemetry>();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. SourceNames])
                    .AddAspNetCoreInstrumentation(options => options.EnrichWithHttpRequest = (span, _) => TelemetryRedaction.DropQuery(span))
                    .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = TelemetryRedaction.DropQuery);
                if (!exported)
                {
                    // Spans would go nowhere, so none is recorded: recorded only to be dropped, they cost every health
                    // check about 10 µs and 2.8 KB (docs/benchmarks.md, d). With an exporter the SDK's sampler decides
                    // (OTEL_TRACES_SAMPLER).
                    tracing.SetSampler(new AlwaysOffSampler());
                }

                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. MeterNames])
                    .AddInstrumentation(services => services.GetRequiredService<HostTelemetry>())
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return builder;
    }
}
