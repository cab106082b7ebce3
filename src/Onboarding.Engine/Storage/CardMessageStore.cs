using System.Globalization;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>Remembers which platform message shows each <see cref="CardSlot"/>, so the next view updates it in place.</summary>
public sealed class CardMessageStore(SqliteDatabase database, TimeProvider timeProvider)
{
    /// <summary>The platform's id of the message showing <paramref name="slot"/> (the platform's own message id), or null.</summary>
    public async Task<string?> FindAsync(ConversationKey conversation, CardSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM card_messages WHERE conversation_key = $key AND slot = $slot";
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$slot", slot.Value);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>Records that <paramref name="messageId"/> now shows <paramref name="slot"/>.</summary>
    public async Task SaveAsync(ConversationKey conversation, CardSlot slot, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO card_messages (conversation_key, slot, message_id, updated_at)
            VALUES ($key, $slot, $message, $at)
            ON CONFLICT (conversation_key, slot) DO UPDATE SET message_id = excluded.message_id, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$slot", slot.Value);
        command.Parameters.AddWithValue("$message", messageId);
        command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
