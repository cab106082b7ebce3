using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Chat;

/// <summary>Delivers views for the chat platforms it serves; the host's <see cref="IChatPublisher"/> routes to it by channel.</summary>
public interface IChannelPublisher
{
    /// <summary>The <see cref="ConversationKey.Channel"/> values this publisher delivers to (e.g. <c>msteams</c>, <c>slack</c>).</summary>
    IReadOnlyCollection<string> Channels { get; }

    /// <inheritdoc cref="IChatPublisher.PublishAsync"/>
    Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken);

    /// <inheritdoc cref="IChatPublisher.PublishNoticeAsync"/>
    Task PublishNoticeAsync(ConversationKey conversation, StepView notice, CardSlot relatedCard, CancellationToken cancellationToken) =>
        PublishAsync(conversation, notice, slot: null, cancellationToken);
}
