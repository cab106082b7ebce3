using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace Onboarding.Engine.Http;

/// <summary>What the resilience pipelines of the product's HttpClients tell the log.</summary>
public static class ResilienceTelemetry
{
    // Polly's name for the event a retry strategy reports after each attempt, whatever its outcome.
    private const string ExecutionAttempt = "ExecutionAttempt";

    /// <summary>
    /// Logs the attempts that needed no retry at Debug. Polly reports every attempt of a pipeline registered through
    /// the service collection, and logs one its strategy did not handle at Information
    /// (https://www.pollydocs.org/advanced/telemetry.html): at the host's default level, a line for every NetSuite and
    /// Slack request that went well — with thousands of tenants checked every few minutes, tens of lines a second that
    /// say nothing, each costing the processor time of a check. An attempt that is retried stays a warning; the
    /// metrics are unchanged; the calls' failures are logged where they are understood (NetSuiteCall, the Slack client).
    /// </summary>
    public static IServiceCollection LogSuccessfulAttemptsAtDebug(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TelemetryOptions>, SuccessfulAttemptsAtDebug>());
        return services;
    }

    // Every pipeline's options, whatever their name; a severity chosen elsewhere still decides every other event.
    private sealed class SuccessfulAttemptsAtDebug : IConfigureNamedOptions<TelemetryOptions>
    {
        public void Configure(string? name, TelemetryOptions options)
        {
            var chosen = options.SeverityProvider;
            options.SeverityProvider = arguments => arguments.Event is { EventName: ExecutionAttempt, Severity: ResilienceEventSeverity.Information }
                ? ResilienceEventSeverity.Debug
                : chosen?.Invoke(arguments) ?? arguments.Event.Severity;
        }

        public void Configure(TelemetryOptions options) => Configure(Options.DefaultName, options);
    }
}
