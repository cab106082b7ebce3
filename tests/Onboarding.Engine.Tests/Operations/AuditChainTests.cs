using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Storage;

namespace Onboarding.Engine.Tests.Operations;

/// <summary>The audit log's hash chains: intact logs verify; a changed, removed or inserted entry is found.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private AuditLog _audit = null!;
    private AuditTrail _trail = null!;

    public async Task InitializeAsync()
    {
        await _db.CreateRunner().ApplyAsync(CancellationToken.None);
        _audit = new AuditLog(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()), _time);
        _trail = new AuditTrail(_db.Database, _audit);
        for (var i = 1; i <= 4; i++)
        {
            await AppendAsync(new AuditEntry("health-monitor", "1234567_SB1", "key.signed-assertion", "issued", $"certificate cert-{i}"));
            await AppendAsync(new AuditEntry("staff-1", "7654321", "admin-token.used", "ok", $"session s-{i}, bundle check"));
        }
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_untouched_log_verifies_and_its_chain_key_is_stored_encrypted()
    {
        var result = await _trail.VerifyAsync(null, CancellationToken.None);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(8, result.Verified);
        Assert.Equal(1L, await _db.ScalarAsync("SELECT COUNT(*) FROM audit_keys"));
        Assert.Equal(2L, await _db.ScalarAsync("SELECT COUNT(*) FROM audit_chains"));
    }

    [Fact]
    public async Task A_changed_entry_is_detected_and_named()
    {
        var id = (long)(await _db.ScalarAsync("SELECT id FROM audit_log WHERE detail = 'certificate cert-2'"))!;
        await _db.ScalarAsync($"UPDATE audit_log SET actor = 'someone-else' WHERE id = {id}");

        var result = await _trail.VerifyAsync("1234567_SB1", CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Equal(id, result.FirstBadId);
        Assert.Contains("changed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_entry_whose_hash_was_recomputed_without_the_chain_key_is_detected()
    {
        // Someone with the database but not the key ring recomputes a plain SHA-256: it cannot match the keyed hash.
        var id = (long)(await _db.ScalarAsync("SELECT id FROM audit_log WHERE detail = 'certificate cert-3'"))!;
        var forged = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("forged"u8));
        await _db.ScalarAsync($"UPDATE audit_log SET outcome = 'refused', hash = '{forged}' WHERE id = {id}");

        var result = await _trail.VerifyAsync("1234567_SB1", CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Equal(id, result.FirstBadId);
    }

    [Fact]
    public async Task An_entry_removed_from_the_middle_is_detected()
    {
        await _db.ScalarAsync("DELETE FROM audit_log WHERE detail = 'session s-2, bundle check'");

        var result = await _trail.VerifyAsync(null, CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Contains("removed or inserted", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newest_entry_removed_is_detected()
    {
        await _db.ScalarAsync("DELETE FROM audit_log WHERE detail = 'certificate cert-4'");

        var result = await _trail.VerifyAsync("1234567_SB1", CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Contains("newest entries", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_copied_from_another_chain_is_detected()
    {
        await _db.ScalarAsync("""
            INSERT INTO audit_log (at, actor, account_id, action, outcome, detail, chain, previous_hash, hash)
            SELECT at, actor, account_id, action, outcome, detail, chain, previous_hash, hash FROM audit_log WHERE detail = 'session s-1, bundle check'
            """);

        var result = await _trail.VerifyAsync("7654321", CancellationToken.None);

        Assert.False(result.Intact);
    }

    [Fact]
    public async Task Pruning_the_oldest_entries_keeps_the_rest_verifiable_and_appending_goes_on()
    {
        _time.Advance(TimeSpan.FromDays(1));
        await AppendAsync(new AuditEntry("health-monitor", "1234567_SB1", "key.signed-assertion", "issued", "certificate cert-5"));
        await _db.ScalarAsync($"DELETE FROM audit_log WHERE id <= (SELECT MAX(id) FROM audit_log WHERE at < '{StoredTime(_time.GetUtcNow().AddHours(-1))}')");

        var result = await _trail.VerifyAsync(null, CancellationToken.None);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(1, result.Verified);
    }

    [Fact]
    public async Task Latest_entries_come_newest_first_with_who_and_when()
    {
        var latest = await _trail.LatestAsync("1234567_SB1", 2, CancellationToken.None);

        Assert.Equal(["certificate cert-4", "certificate cert-3"], latest.Select(r => r.Entry.Detail));
        Assert.All(latest, r => Assert.Equal("health-monitor", r.Entry.Actor));
        Assert.Equal(_time.GetUtcNow(), latest[0].At);
    }

    [Fact]
    public async Task Export_writes_csv_and_json_lines_with_every_entry()
    {
        var csv = new StringWriter();
        await AuditExport.WriteAsync(_trail.ReadAsync("1234567_SB1", null, CancellationToken.None), "csv", csv, CancellationToken.None);
        var jsonl = new StringWriter();
        await AuditExport.WriteAsync(_trail.ReadAsync(null, null, CancellationToken.None), "jsonl", jsonl, CancellationToken.None);

        var csvLines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,account,action,outcome,detail", csvLines[0]);
        Assert.Equal(5, csvLines.Length);
        Assert.EndsWith("\"health-monitor\",\"1234567_SB1\",\"key.signed-assertion\",\"issued\",\"certificate cert-1\"", csvLines[1], StringComparison.Ordinal);
        var objects = jsonl.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(8, objects.Count);
        Assert.Equal("staff-1", objects[^1].GetProperty("actor").GetString());
    }

    private Task AppendAsync(AuditEntry entry) =>
        StorageTransaction.WriteAsync(_db.Database, write => _audit.AppendAsync(write, entry, CancellationToken.None), CancellationToken.None);

    private static string StoredTime(DateTimeOffset value) => value.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
