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
}
