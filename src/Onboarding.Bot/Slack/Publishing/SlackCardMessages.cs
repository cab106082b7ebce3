using System.Globalization;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Publishing;

/// <summary>
/// The <c>ts</c> of each card the bot posted, per conversation and <see cref="CardSlot"/>, in the shared
/// <c>card_messages</c> table, so a card is updated in place even after a restart.
/// </summary>
internal sealed class SlackCardMessages(SqliteDatabase database, TimeProvider timeProvider)
{
    public async Task<string?> FindAsync(ConversationKey conversation, CardSlot slot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM card_messages WHERE conversation_key = $key AND slot = $slot";
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$slot", slot.Value);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>The card most recently posted or updated in the conversation, under which notices are threaded.</summary>
    public async Task<string?> FindLatestAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM card_messages WHERE conversation_key = $key ORDER BY updated_at DESC LIMIT 1";
        command.Parameters.AddWithValue("$key", conversation.ToString());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SaveAsync(ConversationKey conversation, CardSlot slot, string ts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO card_messages (conversation_key, slot, message_id, updated_at) VALUES ($key, $slot, $ts, $at)
            ON CONFLICT (conversation_key, slot) DO UPDATE SET message_id = excluded.message_id, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$slot", slot.Value);
        command.Parameters.AddWithValue("$ts", ts);
        command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
