using Onboarding.Engine.Conversations;
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

    public Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken) =>
        PublisherFor(conversation).PublishAsync(conversation, view, slot, cancellationToken);

    public Task PublishNoticeAsync(ConversationKey conversation, StepView notice, CardSlot relatedCard, CancellationToken cancellationToken) =>
        PublisherFor(conversation).PublishNoticeAsync(conversation, notice, relatedCard, cancellationToken);

    private IChannelPublisher PublisherFor(ConversationKey conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _byChannel.TryGetValue(conversation.Channel, out var publisher)
            ? publisher
            : throw new InvalidOperationException($"No chat publisher serves channel '{conversation.Channel}' (conversation {conversation}).");
    }
}
