using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// Remembers which Slack deliveries (event ids, clicks, slash commands) were accepted, and which install states were used,
/// in the <c>slack_deliveries</c> table, so Slack's retries (and replayed install callbacks) are recognised even after a restart. Entries older than a day are dropped on the way.
/// Works inside the caller's transaction, so a delivery is recorded together with the work it queues.
/// </summary>
internal sealed class SlackDeliveryLog(TimeProvider timeProvider)
{
    // Slack retries for at most about five minutes and an install state lives ten; a day is ample.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>Records a delivery; false when it was recorded before (a retry).</summary>
    public async Task<bool> TryRecordAsync(StorageTransaction transaction, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var now = timeProvider.GetUtcNow();
        await transaction.ExecuteAsync(
            "DELETE FROM slack_deliveries WHERE received_at < @cutoff", new { cutoff = StoredTime.Format(now - Retention) }, cancellationToken).ConfigureAwait(false);
        var inserted = await transaction.ExecuteAsync(
            "INSERT INTO slack_deliveries (delivery_id, received_at) VALUES (@id, @now) ON CONFLICT (delivery_id) DO NOTHING",
            new { id = deliveryId, now = StoredTime.Format(now) },
            cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>Forgets a delivery whose work was given up, so Slack's retry is accepted.</summary>
    public static Task ForgetAsync(StorageTransaction transaction, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.ExecuteAsync("DELETE FROM slack_deliveries WHERE delivery_id = @id", new { id = deliveryId }, cancellationToken);
    }
}
