using System.Collections.Concurrent;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>Stands in for the chat platforms behind the engine: records every view published, with its conversation and card slot.</summary>
public sealed class RecordingChatPublisher : IChatPublisher
{
    private readonly ConcurrentQueue<(ConversationKey Conversation, StepView View, CardSlot? Slot)> _published = new();

    public IReadOnlyList<(ConversationKey Conversation, StepView View, CardSlot? Slot)> Published => [.. _published];

    public Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        _published.Enqueue((conversation, view, slot));
        return Task.CompletedTask;
    }
}
