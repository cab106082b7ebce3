using System.Globalization;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Remembers, per conversation, the channel's opaque address (opaque to the engine: whatever the channel needs to post there)
/// so messages can be sent later without an incoming turn: OAuth callbacks, alerts, background progress.
/// </summary>
public sealed class ConversationReferenceStore(SqliteDatabase database, TimeProvider timeProvider)
{
    /// <summary>
    /// Inserts or replaces the reference for <paramref name="conversation"/>. Every turn saves it, and it rarely changes,
    /// so an unchanged reference writes nothing (no page is modified, the WAL does not grow).
    /// </summary>
    public async Task SaveAsync(ConversationKey conversation, string referenceJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceJson);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversation_references (conversation_key, channel, reference_json, updated_at)
            VALUES ($key, $channel, $json, $at)
            ON CONFLICT (conversation_key) DO UPDATE SET reference_json = excluded.reference_json, updated_at = excluded.updated_at
            WHERE conversation_references.reference_json IS NOT excluded.reference_json
            """;
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$channel", conversation.Channel);
        command.Parameters.AddWithValue("$json", referenceJson);
        command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored reference, or null when the bot has never heard from the conversation.</summary>
    public async Task<string?> FindAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference_json FROM conversation_references WHERE conversation_key = $key";
        command.Parameters.AddWithValue("$key", conversation.ToString());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}
