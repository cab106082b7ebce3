using System.Globalization;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// Remembers which Slack deliveries (event ids, clicks, slash commands) were accepted, in the <c>slack_deliveries</c>
/// table, so Slack's retries are recognised even after a restart. Entries older than a day are dropped on the way.
/// </summary>
internal sealed class SlackDeliveryLog(SqliteDatabase database, TimeProvider timeProvider)
{
    // Slack retries for at most about five minutes; a day is ample.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>Records a delivery; false when it was recorded before (a retry).</summary>
    public async Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var prune = connection.CreateCommand())
        {
            prune.CommandText = "DELETE FROM slack_deliveries WHERE received_at < $cutoff";
            prune.Parameters.AddWithValue("$cutoff", Format(now - Retention));
            await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO slack_deliveries (delivery_id, received_at) VALUES ($id, $now) ON CONFLICT (delivery_id) DO NOTHING";
        insert.Parameters.AddWithValue("$id", deliveryId);
        insert.Parameters.AddWithValue("$now", Format(now));
        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Forgets a delivery that could not be queued, so Slack's retry is accepted.</summary>
    public async Task ForgetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM slack_deliveries WHERE delivery_id = $id";
        command.Parameters.AddWithValue("$id", deliveryId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
