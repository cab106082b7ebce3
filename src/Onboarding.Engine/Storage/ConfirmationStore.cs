using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>The questions confirmation cards asked, and their one answer each (the first click wins; later ones find it taken).</summary>
public sealed class ConfirmationStore(Database database, TimeProvider timeProvider)
{
    public Task AddAsync(string id, ConversationKey conversation, string action, string subject, ChatUser askedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(askedBy);
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO confirmations (id, conversation_key, action, subject, asked_by, asked_at)
            VALUES (@id, @key, @action, @subject, @by, @at)
            """,
            new { id, key = conversation.ToString(), action, subject, by = askedBy.Id, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="answer"/> when the question is still open, was asked in <paramref name="conversation"/> and is
    /// about <paramref name="action"/>; returns its subject then, else null (answered already, or not this question).
    /// </summary>
    public Task<string?> TryAnswerAsync(string id, ConversationKey conversation, string action, string answer, ChatUser answeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(answeredBy);

        // One conditional update: of two clicks racing, only one finds the answer still empty.
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteScalarAsync<string>(
            """
            UPDATE confirmations SET answer = @answer, answered_by = @by, answered_at = @at
            WHERE id = @id AND conversation_key = @key AND action = @action AND answer IS NULL
            RETURNING subject
            """,
            new { id, key = conversation.ToString(), action, answer, by = answeredBy.Id, at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);
    }
}
