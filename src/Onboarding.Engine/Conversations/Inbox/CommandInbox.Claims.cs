using System.Text.Json;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Conversations.Inbox;

// A stored command's life: claimed by a worker under a lease, renewed while it runs, then removed, given
// back for a retry, or handed back untouched.
public sealed partial class CommandInbox
{
    /// <summary>
    /// Claims up to <paramref name="count"/> commands that are due — new, due for a retry, or left by an instance whose lease
    /// ran out — by turn (<see cref="WorkspaceShares.LastTurnsAsync"/>), so a workspace with many commands waiting does not hold back the others'.
    /// </summary>
    public Task<IReadOnlyList<ClaimedCommand>> ClaimAsync(int count, CancellationToken cancellationToken) =>
        ClaimAsync(count, [], cancellationToken);

    /// <summary>As <see cref="ClaimAsync(int, CancellationToken)"/>, passing over the commands of <paramref name="passOver"/>'s workspaces.</summary>
    public async Task<IReadOnlyList<ClaimedCommand>> ClaimAsync(int count, IReadOnlyCollection<string> passOver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passOver);
        var now = timeProvider.GetUtcNow();
        var rows = await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.QueryAsync<ClaimedRow>(
            $"""
            UPDATE chat_inbox SET claimed_by = @holder, available_at = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM chat_inbox WHERE available_at <= @now AND NOT (workspace {write.Dialect.InList("passOver")})
                ORDER BY turn, id LIMIT @count {write.Dialect.ForUpdateSkipLocked})
            RETURNING id AS Id, channel AS Channel, workspace AS Workspace, delivery_id AS DeliveryId, command AS Command, attempts AS Attempts
            """,
            new
            {
                holder = Holder,
                now = StoredTime.Format(now),
                until = StoredTime.Format(now + options.Value.Lease),
                count,
                passOver = write.Dialect.ListOf(passOver),
            },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Id).Select(Read)];
    }

    /// <summary>Extends the lease of every command this instance is running; returns how many it holds.</summary>
    public Task<int> RenewAsync(CancellationToken cancellationToken) =>
        StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "UPDATE chat_inbox SET available_at = @until WHERE claimed_by = @holder",
            new { holder = Holder, until = StoredTime.Format(timeProvider.GetUtcNow() + options.Value.Lease) },
            cancellationToken), cancellationToken);

    /// <summary>Removes a command that has run (or was given up); false when this instance no longer held it (its lease had run out).</summary>
    public async Task<bool> CompleteAsync(long id, CancellationToken cancellationToken) =>
        await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "DELETE FROM chat_inbox WHERE id = @id AND claimed_by = @holder",
            new { id, holder = Holder },
            cancellationToken), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Gives a failed command back for another run after <paramref name="delay"/>, noting why it failed (no secret: an exception type).</summary>
    public Task RetryLaterAsync(long id, TimeSpan delay, string error, CancellationToken cancellationToken) =>
        StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "UPDATE chat_inbox SET claimed_by = NULL, available_at = @at, last_error = @error WHERE id = @id AND claimed_by = @holder",
            new { id, holder = Holder, at = StoredTime.Format(timeProvider.GetUtcNow() + delay), error },
            cancellationToken), cancellationToken);

    /// <summary>
    /// Hands a command back untouched (this instance is stopping, or its workspace is at its share of this instance's workers):
    /// another run takes it at once, and this one does not count as an attempt.
    /// </summary>
    public Task ReleaseAsync(long id, CancellationToken cancellationToken) =>
        StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "UPDATE chat_inbox SET claimed_by = NULL, available_at = @now, attempts = attempts - 1 WHERE id = @id AND claimed_by = @holder",
            new { id, holder = Holder, now = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);

    private ClaimedCommand Read(ClaimedRow row)
    {
        ChatCommand? command;
        try
        {
            command = StoredChatCommand.Deserialize(row.Command);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            InboxRowUnreadable(logger, row.Id, e.GetType().Name);
            command = null;
        }

        return new ClaimedCommand(row.Id, row.Channel, row.Workspace, row.DeliveryId, command, checked((int)row.Attempts));
    }

    private sealed class ClaimedRow
    {
        public long Id { get; set; }
        public string Channel { get; set; } = "";
        public string Workspace { get; set; } = "";
        public string? DeliveryId { get; set; }
        public string Command { get; set; } = "";
        public long Attempts { get; set; }
    }
}
