using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Benchmarks.Health;

/// <summary>Counts what the monitor would post (a healthy fleet should post nothing) instead of posting it.</summary>
public sealed class NoAlerts : IChatPublisher
{
    private int _published;

    public int Published => Volatile.Read(ref _published);

    public Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _published);
        return Task.CompletedTask;
    }
}
