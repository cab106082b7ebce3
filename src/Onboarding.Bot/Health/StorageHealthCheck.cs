using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Health;

/// <summary>For <c>/healthz</c>: the SQLite database opens and answers a query.</summary>
internal sealed class StorageHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The database answers.", new Dictionary<string, object> { ["migrations"] = version ?? 0 });
        }
        catch (SqliteException e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
