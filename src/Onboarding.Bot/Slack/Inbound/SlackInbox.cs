using Onboarding.Bot.Slack.Outbox;
using Onboarding.Engine.Conversations;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// Accepts a command once per delivery id: stores it in the outbox and wakes the background worker; never waits for the engine.
/// </summary>
internal sealed class SlackInbox(SlackOutbox outbox, SlackCommandQueue queue, ILogger<SlackInbox> logger)
{
    public async Task<SlackInboxOutcome> AcceptAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var deliveryId = command.DeliveryId ?? throw new ArgumentException("A Slack command needs a delivery id.", nameof(command));
        if (await outbox.TryAddAsync(command, cancellationToken).ConfigureAwait(false) is not { } entryId)
        {
            SlackDuplicateDelivery(logger, deliveryId);
            return SlackInboxOutcome.Duplicate;
        }

        if (queue.TryEnqueue(entryId))
        {
            return SlackInboxOutcome.Queued;
        }

        SlackQueueFull(logger, deliveryId);
        await outbox.WithdrawAsync(entryId, deliveryId, CancellationToken.None).ConfigureAwait(false);
        return SlackInboxOutcome.Busy;
    }
}

/// <summary>What happened to an inbound command: queued, a retry of one already queued, or refused because the queue is full.</summary>
internal enum SlackInboxOutcome
{
    Queued,
    Duplicate,
    Busy,
}
