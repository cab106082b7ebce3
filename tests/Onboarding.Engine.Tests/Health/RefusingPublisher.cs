using System.Collections.Concurrent;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Tests.Onboarding;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Health;

/// <summary>Records like <see cref="RecordingPublisher"/>, but answers "bot removed" for the conversations it is told to refuse.</summary>
public sealed class RefusingPublisher(RecordingPublisher inner) : IChatPublisher
{
    private readonly ConcurrentDictionary<ConversationKey, int> _refused = new();

    public int Refusals(ConversationKey conversation) => _refused.GetValueOrDefault(conversation);

    public void Refuse(ConversationKey conversation) => _refused[conversation] = 0;

    public Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        if (_refused.ContainsKey(conversation))
        {
            _refused.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            throw new ConversationGoneException(conversation, "403 Forbidden: the bot is not part of the conversation roster");
        }

        return inner.PublishAsync(conversation, view, slot, cancellationToken);
    }
}
