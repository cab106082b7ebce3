using System.Globalization;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Storage;

/// <summary>The questions confirmation cards asked, and their one answer each (the first click wins; later ones find it taken).</summary>
public sealed class ConfirmationStore(SqliteDatabase database, TimeProvider timeProvider)
{
    public async Task AddAsync(string id, ConversationKey conversation, string action, string subject, ChatUser askedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(askedBy);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO confirmations (id, conversation_key, action, subject, asked_by, asked_at)
            VALUES ($id, $key, $action, $subject, $by, $at)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$subject", subject);
        command.Parameters.AddWithValue("$by", askedBy.Id);
        command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records <paramref name="answer"/> when the question is still open, was asked in <paramref name="conversation"/> and is
    /// about <paramref name="action"/>; returns its subject then, else null (answered already, or not this question).
    /// </summary>
    public async Task<string?> TryAnswerAsync(string id, ConversationKey conversation, string action, string answer, ChatUser answeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(answeredBy);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE confirmations SET answer = $answer, answered_by = $by, answered_at = $at
            WHERE id = $id AND conversation_key = $key AND action = $action AND answer IS NULL
            RETURNING subject
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$key", conversation.ToString());
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$answer", answer);
        command.Parameters.AddWithValue("$by", answeredBy.Id);
        command.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}
