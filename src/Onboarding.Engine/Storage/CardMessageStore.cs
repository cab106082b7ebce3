using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>Remembers which platform message shows each <see cref="CardSlot"/>, so the next view updates it in place.</summary>
public sealed class CardMessageStore(Database database, TimeProvider timeProvider)
{
    /// <summary>The platform's id of the message showing <paramref name="slot"/> (the platform's own message id), or null.</summary>
    public Task<string?> FindAsync(ConversationKey conversation, CardSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<string>(
            "SELECT message_id FROM card_messages WHERE conversation_key = @key AND slot = @slot",
            new { key = conversation.ToString(), slot = slot.Value },
            cancellationToken), cancellationToken);
    }

    /// <summary>Records that <paramref name="messageId"/> now shows <paramref name="slot"/>.</summary>
    public Task SaveAsync(ConversationKey conversation, CardSlot slot, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO card_messages (conversation_key, slot, message_id, updated_at)
            VALUES (@key, @slot, @message, @at)
            ON CONFLICT (conversation_key, slot) DO UPDATE SET message_id = excluded.message_id, updated_at = excluded.updated_at
            """,
            new { key = conversation.ToString(), slot = slot.Value, message = messageId, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);
    }
}
