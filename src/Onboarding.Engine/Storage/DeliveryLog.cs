using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>Remembers platform delivery ids, so a delivery the chat platform sends again is recognised and not run twice.</summary>
public sealed class DeliveryLog(Database database, TimeProvider timeProvider)
{
    /// <summary>Records the delivery; false when it was recorded before (a repeat).</summary>
    public async Task<bool> TryRecordAsync(ConversationKey conversation, string deliveryId, CancellationToken cancellationToken) =>
        await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "INSERT INTO processed_deliveries (conversation_key, delivery_id, processed_at) VALUES (@key, @id, @at) ON CONFLICT DO NOTHING",
            new { key = conversation.ToString(), id = deliveryId, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken).ConfigureAwait(false) == 1;
}
