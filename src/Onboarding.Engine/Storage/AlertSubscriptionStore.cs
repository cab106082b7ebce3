using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>Conversations that receive connection alerts (<c>alerts here</c> / <c>alerts off</c>); a disabled row remembers why.</summary>
public sealed class AlertSubscriptionStore(Database database, TimeProvider timeProvider)
{
    /// <summary>Subscribes the conversation (again): a disabled subscription is enabled. Returns false when it was already active.</summary>
    public async Task<bool> SubscribeAsync(ConversationKey conversation, ChatUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(by);
        return await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO alert_subscriptions (conversation_key, channel, subscribed_by_id, subscribed_by_name, subscribed_at)
            VALUES (@key, @channel, @byId, @byName, @at)
            ON CONFLICT (conversation_key) DO UPDATE SET subscribed_by_id = excluded.subscribed_by_id,
                subscribed_by_name = excluded.subscribed_by_name, subscribed_at = excluded.subscribed_at,
                disabled_at = NULL, disabled_reason = NULL
            WHERE alert_subscriptions.disabled_at IS NOT NULL
            """,
            new { key = conversation.ToString(), channel = conversation.Channel, byId = by.Id, byName = by.Name, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Removes the subscription; false when there was none.</summary>
    public async Task<bool> UnsubscribeAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "DELETE FROM alert_subscriptions WHERE conversation_key = @key AND disabled_at IS NULL",
            new { key = conversation.ToString() },
            cancellationToken), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Stops alerts to a conversation the bot can no longer post in, keeping the reason for support.</summary>
    public Task DisableAsync(ConversationKey conversation, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "UPDATE alert_subscriptions SET disabled_at = @at, disabled_reason = @reason WHERE conversation_key = @key AND disabled_at IS NULL",
            new { key = conversation.ToString(), reason, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);
    }

    /// <summary>The conversations alerts go to now.</summary>
    public async Task<IReadOnlyList<ConversationKey>> ActiveAsync(CancellationToken cancellationToken) =>
        [.. (await StorageTransaction.ReadAsync(database, read => read.QueryAsync<string>(
            "SELECT conversation_key FROM alert_subscriptions WHERE disabled_at IS NULL ORDER BY subscribed_at", null, cancellationToken), cancellationToken).ConfigureAwait(false))
            .Select(ConversationKey.Parse)];

    /// <summary>Why alerts to the conversation were stopped, or null when they were not.</summary>
    public Task<string?> DisabledReasonAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<string>(
            "SELECT disabled_reason FROM alert_subscriptions WHERE conversation_key = @key AND disabled_at IS NOT NULL",
            new { key = conversation.ToString() },
            cancellationToken), cancellationToken);
    }
}
