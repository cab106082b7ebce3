using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Benchmarks.Audit;

/// <summary>
/// (i) What auditing a client-credentials mint costs: one hash-chained audit entry in its own write transaction (as
/// <see cref="AuditedKeyUse"/> writes it), against the health check result the monitor already writes for every check —
/// alternating, on one SQLite file that already holds a year of entries for many tenants.
/// </summary>
public static class AuditWriteScenario
{
    public static async Task<ResultTable> RunAsync(RunSize size)
    {
        var folder = Path.Combine(Path.GetTempPath(), "onboarding-bench-audit", Guid.NewGuid().ToString("N"));
        try
        {
            await using var database = Database.Sqlite(Path.Combine(folder, "onboarding.db"));
            await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
            var audit = new AuditLog(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()), TimeProvider.System);
            var checks = new HealthCheckLog(database);
            var tenants = size.Pick(100, 1000);
            var history = size.Pick(20_000, 400_000);
            var measured = size.Pick(2_000, 20_000);

            // History first: about one mint per tenant per hour, for as many entries as a year of a large fleet gives.
            for (var written = 0; written < history;)
            {
                await StorageTransaction.WriteAsync(database, async write =>
                {
                    for (var i = 0; i < 1000 && written < history; i++, written++)
                    {
                        await audit.AppendAsync(write, Entry(written % tenants), CancellationToken.None);
                    }
                }, CancellationToken.None);
            }

            var appends = new Latencies();
            var results = new Latencies();
            for (var i = 0; i < measured; i++)
            {
                var tenant = i % tenants;
                await appends.TimeAsync(async () =>
                {
                    await StorageTransaction.WriteAsync(database, write => audit.AppendAsync(write, Entry(tenant), CancellationToken.None), CancellationToken.None);
                    return 0;
                });
                await results.TimeAsync(async () =>
                {
                    await checks.RecordAsync(new CheckResult(Account(tenant), CheckKind.Connection, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(80), null, null), CancellationToken.None);
                    return 0;
                });
            }

            var table = new ResultTable("i. audit write");
            table.Report($"audit append (hash chain, own transaction), {history} entries already stored, p50 / p99", $"{appends.Percentile(50):F2} / {appends.Percentile(99):F2} ms");
            table.Report("health check result write (one insert), same run, p50 / p99", $"{results.Percentile(50):F2} / {results.Percentile(99):F2} ms");
            table.AtMost("ratio audit append ÷ check result write, p50", appends.Percentile(50) / results.Percentile(50), 3, "×");
            return table;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AuditEntry Entry(int tenant) =>
        new(TenantChecks.KeyUser, Account(tenant).Value, AuditedKeyUse.Action, "issued", $"certificate cert-{tenant}, client credentials");

    private static AccountId Account(int tenant) => AccountId.Parse($"{1_000_000 + tenant}_SB1");
}
