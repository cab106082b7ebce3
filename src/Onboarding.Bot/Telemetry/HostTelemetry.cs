using System.Diagnostics;
using System.Diagnostics.Metrics;
using Onboarding.Engine.Conversations.Inbox;

namespace Onboarding.Bot.Telemetry;

/// <summary>
/// The host's own telemetry: a span per card or notice delivered to Teams or Slack (<c>Onboarding.Delivery</c>), and the
/// depth of the command inbox (<c>Onboarding.Host</c> meter).
/// </summary>
internal sealed class HostTelemetry
{
    public const string DeliverySourceName = "Onboarding.Delivery";
    public const string MeterName = "Onboarding.Host";

    /// <summary>One span per view handed to a channel publisher.</summary>
    public static ActivitySource Delivery { get; } = new(DeliverySourceName);

    public HostTelemetry(IMeterFactory meterFactory, CommandInbox inbox)
    {
        var meter = meterFactory.Create(MeterName);

        // The inbox is shared: every instance reports the same depth, as its worker last counted it (every poll interval).
        meter.CreateObservableGauge(
            "onboarding.queue.depth",
            () => new Measurement<long>(inbox.Backlog, new KeyValuePair<string, object?>("queue", "inbox")),
            "{command}",
            "Chat commands (Teams and Slack) stored in the command inbox and not yet done, over all instances.");
    }
}
