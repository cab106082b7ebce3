using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>Remembers platform delivery ids, so a delivery the chat platform sends again is recognised and not run twice.</summary>
public sealed class DeliveryLog(SqliteDatabase database, TimeProvider timeProvider)
{
    /// <summary>Records the delivery; false when it was recorded before (a repeat).</summary>
    public async Task<bool> TryRecordAsync(ConversationKey conversation, string deliveryId, CancellationToken cancellationToken)
    {
        await using var transaction = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        var inserted = await transaction.ExecuteAsync(
            "INSERT INTO processed_deliveries (conversation_key, delivery_id, processed_at) VALUES (@key, @id, @at) ON CONFLICT DO NOTHING",
            new { key = conversation.ToString(), id = deliveryId, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }
}
