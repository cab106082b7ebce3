using System.Diagnostics;
using Onboarding.Bot.Telemetry;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Chat;

/// <summary>The engine's <see cref="IChatPublisher"/>: hands each view to the channel publisher serving its conversation.</summary>
internal sealed class ChannelPublisherRouter : IChatPublisher
{
    private readonly Dictionary<string, IChannelPublisher> _byChannel = new(StringComparer.OrdinalIgnoreCase);

    public ChannelPublisherRouter(IEnumerable<IChannelPublisher> publishers)
    {
        foreach (var publisher in publishers)
        {
            foreach (var channel in publisher.Channels)
            {
                if (!_byChannel.TryAdd(channel, publisher))
                {
                    throw new InvalidOperationException(
                        $"Channel '{channel}' is served by both {_byChannel[channel].GetType().Name} and {publisher.GetType().Name}.");
                }
            }
        }
    }

    public async Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        using var span = StartDelivery(conversation, slot is null ? "reply" : "card", slot);
        await PublisherFor(conversation).PublishAsync(conversation, view, slot, cancellationToken).ConfigureAwait(false);
    }

    public async Task PublishNoticeAsync(ConversationKey conversation, StepView notice, CardSlot relatedCard, CancellationToken cancellationToken)
    {
        using var span = StartDelivery(conversation, "notice", relatedCard);
        await PublisherFor(conversation).PublishNoticeAsync(conversation, notice, relatedCard, cancellationToken).ConfigureAwait(false);
    }

    // Tags name the channel and the kind of card only (a slot's prefix such as "onboarding" or "alert"): no conversation
    // or person is identified in telemetry.
    private static Activity? StartDelivery(ConversationKey conversation, string kind, CardSlot? slot)
    {
        var span = HostTelemetry.Delivery.StartActivity($"deliver {kind}", ActivityKind.Producer);
        span?.SetTag(EngineTags.Channel, conversation.Channel);
        span?.SetTag("delivery.kind", kind);
        span?.SetTag("delivery.card", slot?.Value.Split('/')[0]);
        return span;
    }

    private IChannelPublisher PublisherFor(ConversationKey conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _byChannel.TryGetValue(conversation.Channel, out var publisher)
            ? publisher
            : throw new InvalidOperationException($"No chat publisher serves channel '{conversation.Channel}' (conversation {conversation}).");
    }
}
