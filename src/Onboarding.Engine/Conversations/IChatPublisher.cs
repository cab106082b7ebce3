using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>Delivers views to a conversation; implemented by the host, which routes by <see cref="ConversationKey.Channel"/>.</summary>
public interface IChatPublisher
{
    /// <summary>
    /// Shows <paramref name="view"/> in the conversation. With a <paramref name="slot"/>, the message previously
    /// shown for that slot is updated in place (or posted when there is none yet); without one, a new message is posted.
    /// </summary>
    Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken);

    /// <summary>
    /// Posts <paramref name="notice"/> as a new message about the card shown for <paramref name="relatedCard"/>, so a channel
    /// with threads can reply under that card rather than under whichever card is newest (two onboardings can share a
    /// channel). Channels without threads need not override it: by default the notice is posted like any slot-less view.
    /// </summary>
    Task PublishNoticeAsync(ConversationKey conversation, StepView notice, CardSlot relatedCard, CancellationToken cancellationToken) =>
        PublishAsync(conversation, notice, slot: null, cancellationToken);
}
