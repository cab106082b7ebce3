using Onboarding.Bot.Slack.Inbound;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Outbox;

/// <summary>
/// The durable hand-off from Slack's endpoints to the worker (DESIGN §5): a command is stored in <c>slack_outbox</c>,
/// together with its delivery id, before Slack gets its 200, and deleted once it has run — so a crash after the
/// acknowledgement loses nothing and the next start runs it. Each run of the host claims entries under its own id;
/// an entry claimed by another run was left behind when that run stopped.
/// </summary>
internal sealed class SlackOutbox(Database database, SlackDeliveryLog deliveries, TimeProvider timeProvider)
{
    private readonly string _run = Guid.NewGuid().ToString("N");

    /// <summary>Stores <paramref name="command"/> once per delivery id; returns its entry id, or null for a retry of one already stored.</summary>
    public async Task<long?> TryAddAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var deliveryId = command.DeliveryId ?? throw new ArgumentException("A Slack command needs a delivery id.", nameof(command));
        await using var transaction = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        if (!await deliveries.TryRecordAsync(transaction, deliveryId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var id = await transaction.QuerySingleOrDefaultAsync<long>(
            "INSERT INTO slack_outbox (delivery_id, command, enqueued_at) VALUES (@deliveryId, @command, @at) RETURNING id",
            new
            {
                deliveryId,
                command = StoredChatCommand.Serialize(command),
                at = StoredTime.Format(timeProvider.GetUtcNow()),
            },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Takes an entry back before it was acknowledged (the queue was full): Slack's retry will be accepted afresh.</summary>
    public Task WithdrawAsync(long id, string deliveryId, CancellationToken cancellationToken) =>
        StorageTransaction.WriteAsync(database, async transaction =>
        {
            await DeleteAsync(transaction, id, cancellationToken).ConfigureAwait(false);
            await SlackDeliveryLog.ForgetAsync(transaction, deliveryId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Entries this run has not claimed — at start-up, those a stopped run left behind — oldest first.</summary>
    public Task<IReadOnlyList<long>> UnclaimedAsync(CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, transaction => transaction.QueryAsync<long>(
            "SELECT id FROM slack_outbox WHERE claimed_by IS NULL OR claimed_by <> @run ORDER BY id", new { run = _run }, cancellationToken), cancellationToken);

    /// <summary>Claims an entry for this run; null when it is gone or this run already claimed it (queued twice).</summary>
    public async Task<SlackOutboxEntry?> TryClaimAsync(long id, CancellationToken cancellationToken)
    {
        await using var transaction = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        var claimed = await transaction.QuerySingleOrDefaultAsync<ClaimedRow>(
            """
            UPDATE slack_outbox SET claimed_by = @run, attempts = attempts + 1
            WHERE id = @id AND (claimed_by IS NULL OR claimed_by <> @run)
            RETURNING id AS Id, command AS Command, attempts AS Attempts
            """,
            new { id, run = _run },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed is null ? null : new SlackOutboxEntry(claimed.Id, StoredChatCommand.Deserialize(claimed.Command), (int)claimed.Attempts);
    }

    /// <summary>Removes an entry whose command has run (or was given up).</summary>
    public Task CompleteAsync(long id, CancellationToken cancellationToken) =>
        StorageTransaction.WriteAsync(database, transaction => DeleteAsync(transaction, id, cancellationToken), cancellationToken);

    private static Task DeleteAsync(StorageTransaction transaction, long id, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("DELETE FROM slack_outbox WHERE id = @id", new { id }, cancellationToken);

    private sealed record ClaimedRow(long Id, string Command, long Attempts);
}
