using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Operations;

/// <summary>The audit log's hash chains, on both providers: intact logs verify; a changed, removed or inserted entry is found.</summary>
public sealed class AuditChainTests
{
    [SkippableTheory]
    [StorageProviders]
    public async Task An_untouched_log_verifies_and_its_chain_key_is_stored_encrypted(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        var result = await log.Trail.VerifyAsync(null, CancellationToken.None);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(8, result.Verified);
        Assert.Equal(1L, await log.Db.ScalarAsync("SELECT COUNT(*) FROM audit_keys"));
        Assert.Equal(2L, await log.Db.ScalarAsync("SELECT COUNT(*) FROM audit_chains"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_changed_entry_is_detected_and_named(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        var id = (long)(await log.Db.ScalarAsync("SELECT id FROM audit_log WHERE detail = 'certificate cert-2'"))!;
        await log.ExecuteAsync($"UPDATE audit_log SET actor = 'someone-else' WHERE id = {id}");

        var result = await log.Trail.VerifyAsync("1234567_SB1", CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Equal(id, result.FirstBadId);
        Assert.Contains("changed", result.Problem, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_changed_entry_whose_hash_was_recomputed_without_the_chain_key_is_detected(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        // Someone with the database but not the key ring recomputes a plain SHA-256: it cannot match the keyed hash.
        var id = (long)(await log.Db.ScalarAsync("SELECT id FROM audit_log WHERE detail = 'certificate cert-3'"))!;
        var forged = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("forged"u8));
        await log.ExecuteAsync($"UPDATE audit_log SET outcome = 'refused', hash = '{forged}' WHERE id = {id}");

        var result = await log.Trail.VerifyAsync("1234567_SB1", CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Equal(id, result.FirstBadId);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task An_entry_removed_from_the_middle_is_detected(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        await log.ExecuteAsync("DELETE FROM audit_log WHERE detail = 'session s-2, bundle check'");

        var result = await log.Trail.VerifyAsync(null, CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Contains("removed or inserted", result.Problem, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task The_newest_entry_removed_is_detected(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        await log.ExecuteAsync("DELETE FROM audit_log WHERE detail = 'certificate cert-4'");

        var result = await log.Trail.VerifyAsync("1234567_SB1", CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Contains("newest entries", result.Problem, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task An_entry_copied_from_another_chain_is_detected(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        await log.ExecuteAsync("""
            INSERT INTO audit_log (at, actor, account_id, action, outcome, detail, chain, previous_hash, hash)
            SELECT at, actor, account_id, action, outcome, detail, chain, previous_hash, hash FROM audit_log WHERE detail = 'session s-1, bundle check'
            """);

        var result = await log.Trail.VerifyAsync("7654321", CancellationToken.None);

        Assert.False(result.Intact);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Pruning_the_oldest_entries_keeps_the_rest_verifiable_and_appending_goes_on(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        log.Time.Advance(TimeSpan.FromDays(1));
        await log.AppendAsync(new AuditEntry("health-monitor", "1234567_SB1", "key.signed-assertion", "issued", "certificate cert-5"));
        await log.ExecuteAsync($"DELETE FROM audit_log WHERE id <= (SELECT MAX(id) FROM audit_log WHERE at < '{StoredTime(log.Time.GetUtcNow().AddHours(-1))}')");

        var result = await log.Trail.VerifyAsync(null, CancellationToken.None);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(1, result.Verified);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Latest_entries_come_newest_first_with_who_and_when(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        var latest = await log.Trail.LatestAsync("1234567_SB1", 2, CancellationToken.None);

        Assert.Equal(["certificate cert-4", "certificate cert-3"], latest.Select(r => r.Entry.Detail));
        Assert.All(latest, r => Assert.Equal("health-monitor", r.Entry.Actor));
        Assert.Equal(log.Time.GetUtcNow(), latest[0].At);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Export_writes_csv_and_json_lines_with_every_entry(StorageProvider provider)
    {
        await using var log = await AuditFixture.StartAsync(provider);
        var csv = new StringWriter();
        await AuditExport.WriteAsync(log.Trail.ReadAsync("1234567_SB1", null, CancellationToken.None), "csv", csv, CancellationToken.None);
        var jsonl = new StringWriter();
        await AuditExport.WriteAsync(log.Trail.ReadAsync(null, null, CancellationToken.None), "jsonl", jsonl, CancellationToken.None);

        var csvLines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,account,action,outcome,detail", csvLines[0]);
        Assert.Equal(5, csvLines.Length);
        Assert.EndsWith("\"health-monitor\",\"1234567_SB1\",\"key.signed-assertion\",\"issued\",\"certificate cert-1\"", csvLines[1], StringComparison.Ordinal);
        var objects = jsonl.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(8, objects.Count);
        Assert.Equal("staff-1", objects[^1].GetProperty("actor").GetString());
    }

    private sealed class AuditFixture : IAsyncDisposable
    {
        private AuditFixture(TemporaryDatabase db)
        {
            Db = db;
            Audit = new AuditLog(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()), Time);
            Trail = new AuditTrail(db.Database, Audit);
        }

        public TemporaryDatabase Db { get; }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        public AuditLog Audit { get; }

        public AuditTrail Trail { get; }

        /// <summary>A migrated database with four entries in each of two accounts' chains.</summary>
        public static async Task<AuditFixture> StartAsync(StorageProvider provider)
        {
            var log = new AuditFixture(await TemporaryDatabase.CreateMigratedAsync(provider));
            for (var i = 1; i <= 4; i++)
            {
                await log.AppendAsync(new AuditEntry("health-monitor", "1234567_SB1", "key.signed-assertion", "issued", $"certificate cert-{i}"));
                await log.AppendAsync(new AuditEntry("staff-1", "7654321", "admin-token.used", "ok", $"session s-{i}, bundle check"));
            }

            return log;
        }

        public Task AppendAsync(AuditEntry entry) =>
            StorageTransaction.WriteAsync(Db.Database, write => Audit.AppendAsync(write, entry, CancellationToken.None), CancellationToken.None);

        /// <summary>Changes the table behind the application's back, as someone with the database would.</summary>
        public Task ExecuteAsync(string sql) =>
            StorageTransaction.WriteAsync(Db.Database, write => write.ExecuteAsync(sql, null, CancellationToken.None), CancellationToken.None);

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static string StoredTime(DateTimeOffset value) => value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
