using System.Collections.Concurrent;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>Stands in for the host's publisher: remembers every view, and the latest one per card slot.</summary>
public sealed class RecordingPublisher : IChatPublisher
{
    private readonly ConcurrentDictionary<string, StepView> _cards = new();
    private readonly ConcurrentQueue<(ConversationKey Conversation, StepView View, CardSlot? Slot)> _all = new();
    private readonly ConcurrentQueue<(StepView Notice, CardSlot RelatedCard)> _notices = new();

    public IReadOnlyList<(ConversationKey Conversation, StepView View, CardSlot? Slot)> All => [.. _all];

    /// <summary>Messages posted without a slot (notices and one-off replies), in order.</summary>
    public IReadOnlyList<StepView> Messages(ConversationKey conversation) =>
        [.. _all.Where(m => m.Slot is null && m.Conversation == conversation).Select(m => m.View)];

    /// <summary>Notices posted about a card, with the card they name, in order.</summary>
    public IReadOnlyList<(StepView Notice, CardSlot RelatedCard)> Notices => [.. _notices];

    public StepView? Card(string sessionId) => _cards.GetValueOrDefault(CardSlot.ForOnboarding(sessionId).Value);

    public Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        _all.Enqueue((conversation, view, slot));
        if (slot is { } s)
        {
            _cards[s.Value] = view;
        }

        return Task.CompletedTask;
    }

    public Task PublishNoticeAsync(ConversationKey conversation, StepView notice, CardSlot relatedCard, CancellationToken cancellationToken)
    {
        _notices.Enqueue((notice, relatedCard));
        return PublishAsync(conversation, notice, slot: null, cancellationToken);
    }
}
