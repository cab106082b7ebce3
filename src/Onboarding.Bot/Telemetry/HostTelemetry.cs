using System.Diagnostics;
using System.Diagnostics.Metrics;
using Onboarding.Bot.Chat;
using Onboarding.Bot.Slack.Outbox;

namespace Onboarding.Bot.Telemetry;

/// <summary>
/// The host's own telemetry: a span per card or notice delivered to Teams or Slack (<c>Onboarding.Delivery</c>), and the
/// depth of the command queues (<c>Onboarding.Host</c> meter).
/// </summary>
internal sealed class HostTelemetry
{
    public const string DeliverySourceName = "Onboarding.Delivery";
    public const string MeterName = "Onboarding.Host";

    /// <summary>One span per view handed to a channel publisher.</summary>
    public static ActivitySource Delivery { get; } = new(DeliverySourceName);

    public HostTelemetry(IMeterFactory meterFactory, ChatCommandQueue chat, IServiceProvider services)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "onboarding.queue.depth",
            () => QueueDepths(chat, services),
            "{command}",
            "Chat commands accepted but not yet started, by queue.");
    }

    private static IEnumerable<Measurement<long>> QueueDepths(ChatCommandQueue chat, IServiceProvider services)
    {
        yield return new Measurement<long>(chat.Depth, new KeyValuePair<string, object?>("queue", "chat"));

        // Slack's queue exists only with the Slack module; the meter is built once, whichever modules the host has.
        if (services.GetService<SlackCommandQueue>() is { } slack)
        {
            yield return new Measurement<long>(slack.Depth, new KeyValuePair<string, object?>("queue", "slack"));
        }
    }
}
