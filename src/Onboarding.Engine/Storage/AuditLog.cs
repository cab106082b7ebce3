using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Appends to the audit log: who did what to which account, when, and how it went — never a secret value. The log is
/// append-only by construction (this type has no update) and tamper-evident: each account's entries form a hash chain
/// (HMAC-SHA256 over the entry and its predecessor's hash, keyed with a secret kept encrypted under the key ring), and
/// <c>audit_chains</c> holds each chain's newest hash. <see cref="AuditTrail.VerifyAsync"/> finds any entry changed,
/// removed, inserted or reordered; only removing a chain's oldest entries (what retention does) goes unnoticed.
/// </summary>
public sealed class AuditLog(ISecretProtector protector, TimeProvider timeProvider)
{
    /// <summary>The <c>previous_hash</c> of a chain's first entry.</summary>
    public const string Genesis = "genesis";

    /// <summary>The chain of entries that name no account.</summary>
    public const string NoAccountChain = "-";

    private const string KeyPurpose = "audit-log.chain-key";
    private StoredKey? _key;

    /// <summary>
    /// Writes <paramref name="entry"/> inside the caller's transaction, so the record and the change stand or fall together.
    /// Four small statements: read the chain key, take the chain's head (the upsert also locks it where the database has
    /// row locks, so two writers cannot fork a chain), insert the entry, move the head.
    /// </summary>
    public async Task AppendAsync(StorageTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(entry);
        var key = await KeyAsync(transaction, cancellationToken).ConfigureAwait(false);
        var at = StoredTime.Format(timeProvider.GetUtcNow());
        var chain = ChainOf(entry.Account);
        var previous = await transaction.QuerySingleOrDefaultAsync<string>(
            """
            INSERT INTO audit_chains (chain, last_hash, updated_at) VALUES (@chain, @genesis, @at)
            ON CONFLICT (chain) DO UPDATE SET updated_at = excluded.updated_at
            RETURNING last_hash
            """,
            new { chain, genesis = Genesis, at },
            cancellationToken).ConfigureAwait(false) ?? Genesis;
        var hash = Hash(key, at, entry, chain, previous);
        await transaction.ExecuteAsync(
            """
            INSERT INTO audit_log (at, actor, account_id, action, outcome, detail, chain, previous_hash, hash)
            VALUES (@at, @Actor, @Account, @Action, @Outcome, @Detail, @chain, @previous, @hash)
            """,
            new { at, entry.Actor, entry.Account, entry.Action, entry.Outcome, entry.Detail, chain, previous, hash },
            cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("UPDATE audit_chains SET last_hash = @hash WHERE chain = @chain", new { hash, chain }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entries for one account, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForAccountAsync(Database database, string account, CancellationToken cancellationToken)
    {
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        return await read.QueryAsync<AuditEntry>(
            "SELECT actor AS Actor, account_id AS Account, action AS Action, outcome AS Outcome, detail AS Detail FROM audit_log WHERE account_id = @account ORDER BY id",
            new { account },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The chain an entry about <paramref name="account"/> belongs to.</summary>
    public static string ChainOf(string? account) => string.IsNullOrEmpty(account) ? NoAccountChain : account;

    /// <summary>The chain key, created with the first entry; read within the caller's transaction (a second connection could wait on its lock).</summary>
    private async Task<byte[]> KeyAsync(StorageTransaction transaction, CancellationToken cancellationToken)
    {
        if (await StoredKeyAsync(transaction, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        await transaction.ExecuteAsync(
            "INSERT INTO audit_keys (id, protected_key, created_at) VALUES (1, @created, @at) ON CONFLICT (id) DO NOTHING",
            new { created = protector.Protect(KeyPurpose, RandomNumberGenerator.GetBytes(32)), at = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken).ConfigureAwait(false);
        return await StoredKeyAsync(transaction, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The audit chain key could not be stored.");
    }

    /// <summary>
    /// The stored chain key, or null before the first entry. Read on every use (one primary-key lookup), decrypted only
    /// when the stored value differs from the last one seen — so a key whose creating transaction rolled back is never reused.
    /// </summary>
    internal async Task<byte[]?> StoredKeyAsync(StorageTransaction transaction, CancellationToken cancellationToken)
    {
        var stored = await transaction.QuerySingleOrDefaultAsync<string>("SELECT protected_key FROM audit_keys WHERE id = 1", null, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        if (Volatile.Read(ref _key) is { } cached && cached.Stored == stored)
        {
            return cached.Key;
        }

        var key = protector.Unprotect(KeyPurpose, stored);
        Volatile.Write(ref _key, new StoredKey(stored, key));
        return key;
    }

    /// <summary>An entry's hash: HMAC-SHA256 over its fields and its predecessor's hash, as a JSON array so no two entries encode alike.</summary>
    internal static string Hash(byte[] key, string at, AuditEntry entry, string chain, string previous)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new[] { at, entry.Actor, entry.Account, entry.Action, entry.Outcome, entry.Detail, chain, previous });
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, canonical));
    }
}

/// <summary>The chain key as stored (encrypted) and decrypted.</summary>
internal sealed record StoredKey(string Stored, byte[] Key);

/// <summary>One audit record. <paramref name="Detail"/> holds ids (certificate id, step), never a token, key or code.</summary>
public sealed record AuditEntry(string Actor, string? Account, string Action, string Outcome, string? Detail = null);

/// <summary>An audit record as stored: its time and id too.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, AuditEntry Entry)
{
    internal static AuditRecord From(long id, string at, string actor, string? account, string action, string outcome, string? detail) =>
        new(id, StoredTime.Parse(at), new AuditEntry(actor, account, action, outcome, detail));

    /// <summary>The time as the log shows it: UTC to the second.</summary>
    public string AtText => At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
