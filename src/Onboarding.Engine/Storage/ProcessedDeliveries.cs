namespace Onboarding.Engine.Storage;

/// <summary>
/// The one record of ids that may be used once: the chat platforms' delivery ids (a Teams activity id, a Slack event,
/// click or trigger id), each under its conversation, and other single-use ids under a scope of their own (a Slack install
/// state). Kept for <c>Retention:Deliveries</c> (docs/operations.md).
/// </summary>
public static class ProcessedDeliveries
{
    /// <summary>Records <paramref name="id"/> under <paramref name="scope"/> in the caller's transaction; false when it was recorded before.</summary>
    public static async Task<bool> TryRecordAsync(StorageTransaction transaction, string scope, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.ExecuteAsync(
            "INSERT INTO processed_deliveries (conversation_key, delivery_id, processed_at) VALUES (@scope, @id, @at) ON CONFLICT DO NOTHING",
            new { scope, id, at = StoredTime.Format(at) },
            cancellationToken).ConfigureAwait(false) == 1;
    }
}
