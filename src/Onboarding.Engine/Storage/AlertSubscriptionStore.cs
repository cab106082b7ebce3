using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>Conversations that receive connection alerts (<c>alerts here</c> / <c>alerts off</c>); a disabled row remembers why.</summary>
public sealed class AlertSubscriptionStore(SqliteDatabase database, TimeProvider timeProvider)
{
    /// <summary>Subscribes the conversation (again): a disabled subscription is enabled. Returns false when it was already active.</summary>
    public async Task<bool> SubscribeAsync(ConversationKey conversation, ChatUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(by);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO alert_subscriptions (conversation_key, channel, subscribed_by_id, subscribed_by_name, subscribed_at)
            VALUES ($key, $channel, $byId, $byName, $at)
            ON CONFLICT (conversation_key) DO UPDATE SET subscribed_by_id = excluded.subscribed_by_id,
                subscribed_by_name = excluded.subscribed_by_name, subscribed_at = excluded.subscribed_at,
                disabled_at = NULL, disabled_reason = NULL
            WHERE alert_subscriptions.disabled_at IS NOT NULL
            """;
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$channel", conversation.Channel);
        command.Parameters.AddWithValue("$byId", by.Id);
        command.Parameters.AddWithValue("$byName", by.Name);
        command.Parameters.AddWithValue("$at", HealthTimestamps.Format(timeProvider.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Removes the subscription; false when there was none.</summary>
    public async Task<bool> UnsubscribeAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM alert_subscriptions WHERE conversation_key = $key AND disabled_at IS NULL";
        command.Parameters.AddWithValue("$key", conversation.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Stops alerts to a conversation the bot can no longer post in, keeping the reason for support.</summary>
    public async Task DisableAsync(ConversationKey conversation, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE alert_subscriptions SET disabled_at = $at, disabled_reason = $reason WHERE conversation_key = $key AND disabled_at IS NULL";
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$at", HealthTimestamps.Format(timeProvider.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The conversations alerts go to now.</summary>
    public async Task<IReadOnlyList<ConversationKey>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_key FROM alert_subscriptions WHERE disabled_at IS NULL ORDER BY subscribed_at";
        var keys = new List<ConversationKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(ConversationKey.Parse(reader.GetString(0)));
        }

        return keys;
    }

    /// <summary>Why alerts to the conversation were stopped, or null when they were not.</summary>
    public async Task<string?> DisabledReasonAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT disabled_reason FROM alert_subscriptions WHERE conversation_key = $key AND disabled_at IS NOT NULL";
        command.Parameters.AddWithValue("$key", conversation.ToString());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}
