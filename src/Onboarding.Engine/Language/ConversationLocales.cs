using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Language;

/// <summary>
/// The language and time zone of each conversation, as its channel last told them: every turn the host passes on what the
/// channel said about the person speaking, and whatever is posted there later — a reply, a card moving on after the OAuth
/// callback, an alert — is said in that language and shown in that zone (docs/languages.md). A conversation nobody has
/// spoken in yet is English and UTC.
/// </summary>
public sealed class ConversationLocales(Database database, TimeProvider timeProvider)
{
    private readonly RecentlyStored<ChannelLocale> _recent = new(timeProvider);

    /// <summary>
    /// Keeps what the channel told for <paramref name="conversation"/>. A part it did not tell keeps its stored value; an
    /// unchanged pair writes nothing (every turn calls this).
    /// </summary>
    public async Task RememberAsync(ConversationKey conversation, ChannelLocale told, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(told);
        if (told.IsEmpty)
        {
            return;
        }

        await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO conversation_locales (conversation_key, locale, time_zone, updated_at)
            VALUES (@key, @locale, @zone, @at)
            ON CONFLICT (conversation_key) DO UPDATE SET
                locale = COALESCE(excluded.locale, conversation_locales.locale),
                time_zone = COALESCE(excluded.time_zone, conversation_locales.time_zone),
                updated_at = excluded.updated_at
            WHERE conversation_locales.locale IS DISTINCT FROM COALESCE(excluded.locale, conversation_locales.locale)
               OR conversation_locales.time_zone IS DISTINCT FROM COALESCE(excluded.time_zone, conversation_locales.time_zone)
            """,
            new { key = conversation.ToString(), locale = told.Locale, zone = told.TimeZone, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        _recent.Remember(conversation.ToString(), told);
    }

    /// <summary>
    /// <see cref="RememberAsync"/>, unless this instance stored the same in the last minutes: for turns answered on the spot
    /// (help), so a flood of them costs no database write.
    /// </summary>
    public Task RememberUnlessRecentAsync(ConversationKey conversation, ChannelLocale told, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return _recent.Holds(conversation.ToString(), told) ? Task.CompletedTask : RememberAsync(conversation, told, cancellationToken);
    }

    /// <summary>What is known of the conversation (validated again: a stored value is used only if still usable).</summary>
    public async Task<ChannelLocale> FindAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var row = await StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<LocaleRow>(
            "SELECT locale AS Locale, time_zone AS TimeZone FROM conversation_locales WHERE conversation_key = @key",
            new { key = conversation.ToString() },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return new ChannelLocale(row?.Locale, row?.TimeZone);
    }

    /// <summary>How to speak in <paramref name="conversation"/>.</summary>
    public async Task<Wording> WordingForAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        (await FindAsync(conversation, cancellationToken).ConfigureAwait(false)).Wording;

    private sealed class LocaleRow
    {
        public string? Locale { get; set; }
        public string? TimeZone { get; set; }
    }
}
