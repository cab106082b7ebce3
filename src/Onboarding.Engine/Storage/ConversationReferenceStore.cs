using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Remembers, per conversation, the channel's opaque address (opaque to the engine: whatever the channel needs to post there)
/// so messages can be sent later without an incoming turn: OAuth callbacks, alerts, background progress.
/// </summary>
public sealed class ConversationReferenceStore(Database database, TimeProvider timeProvider)
{
    private readonly RecentlyStored<string> _recent = new(timeProvider);

    /// <summary>
    /// Inserts or replaces the reference for <paramref name="conversation"/>. Every turn that may lead to a proactive post
    /// saves it; it rarely changes, so an unchanged reference modifies no page (the WAL does not grow).
    /// </summary>
    public async Task SaveAsync(ConversationKey conversation, string referenceJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceJson);
        await WriteAsync(conversation, referenceJson, cancellationToken).ConfigureAwait(false);
        _recent.Remember(conversation.ToString(), referenceJson);
    }

    /// <summary>
    /// <see cref="SaveAsync"/>, unless this instance stored the same reference in the last minutes: for turns answered on
    /// the spot (help), whose answer needs no stored reference, so a flood of them costs no database write. A turn that may
    /// lead to a proactive post uses <see cref="SaveAsync"/>, which also restores a reference deleted meanwhile (erasure).
    /// </summary>
    public Task SaveUnlessRecentAsync(ConversationKey conversation, string referenceJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _recent.Holds(conversation.ToString(), referenceJson)
            ? Task.CompletedTask
            : SaveAsync(conversation, referenceJson, cancellationToken);
    }

    private Task WriteAsync(ConversationKey conversation, string referenceJson, CancellationToken cancellationToken) =>
        StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO conversation_references (conversation_key, channel, reference_json, updated_at)
            VALUES (@key, @channel, @json, @at)
            ON CONFLICT (conversation_key) DO UPDATE SET reference_json = excluded.reference_json, updated_at = excluded.updated_at
            WHERE conversation_references.reference_json IS DISTINCT FROM excluded.reference_json
            """,
            new { key = conversation.ToString(), channel = conversation.Channel, json = referenceJson, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);

    /// <summary>The stored reference, or null when the bot has never heard from the conversation.</summary>
    public Task<string?> FindAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<string>(
            "SELECT reference_json FROM conversation_references WHERE conversation_key = @key",
            new { key = conversation.ToString() },
            cancellationToken), cancellationToken);
    }
}
