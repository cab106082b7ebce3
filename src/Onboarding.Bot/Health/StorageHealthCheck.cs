using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Health;

/// <summary>For <c>/healthz</c>: which database, and whether it answers a query (with the schema version it reports).</summary>
internal sealed class StorageHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = database.Provider.ToString() };
        try
        {
            var version = await database.SchemaVersionAsync(cancellationToken).ConfigureAwait(false);
            data["schemaVersion"] = version;
            return HealthCheckResult.Healthy($"{database.Description} answers (schema version {version}).", data);
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or IOException)
        {
            return HealthCheckResult.Unhealthy($"{database.Description} does not answer: {e.Message}", e, data);
        }
    }
}
