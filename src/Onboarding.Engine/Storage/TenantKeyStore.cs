using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Storage;

/// <summary>Tenant key pairs: private keys encrypted (PKCS#8 under <see cref="ISecretProtector"/>), certificates and NetSuite ids in clear.</summary>
public sealed class TenantKeyStore(Database database, ISecretProtector protector)
{
    private const string PrivateKeyPurpose = "tenant-key.private-key";

    private const string Columns = """
        id AS Id, account_id AS AccountId, algorithm AS Algorithm,
        certificate_thumbprint AS Thumbprint, netsuite_certificate_id AS NetSuiteCertificateId, role_id AS RoleId,
        entity_id AS EntityId, valid_from AS ValidFrom, valid_until AS ValidUntil, status AS Status, created_at AS CreatedAt
        """;

    /// <summary>Stores freshly generated material as pending, before anything is sent to NetSuite.</summary>
    public async Task<TenantKey> AddPendingAsync(StorageTransaction transaction, AccountId account, SessionId? session, TenantKeyMaterial material, long roleId, long entityId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = new TenantKey(
            Guid.NewGuid().ToString("N"),
            account,
            material.Algorithm,
            Thumbprint(material.CertificatePem),
            null,
            roleId,
            entityId,
            material.NotBefore,
            material.NotAfter,
            TenantKeyStatus.Pending,
            now);
        await transaction.ExecuteAsync(
            """
            INSERT INTO tenant_keys (id, account_id, session_id, algorithm, protected_private_key, certificate_pem, certificate_thumbprint,
                role_id, entity_id, valid_from, valid_until, status, created_at, updated_at)
            VALUES (@id, @account, @session, @algorithm, @privateKey, @pem, @thumbprint, @roleId, @entityId, @from, @until, @status, @now, @now)
            """,
            new
            {
                id = key.Id,
                account = account.Value,
                session = session?.Value,
                algorithm = material.Algorithm.ToString(),
                privateKey = protector.Protect(PrivateKeyPurpose, material.PrivateKeyPkcs8),
                pem = material.CertificatePem,
                thumbprint = key.CertificateThumbprint,
                roleId,
                entityId,
                from = StoredTime.Format(material.NotBefore),
                until = StoredTime.Format(material.NotAfter),
                status = TenantKeyStatus.Pending.ToString(),
                now = StoredTime.Format(now),
            },
            cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>Records NetSuite's certificate id and the expiry NetSuite applied (it shortens anything past two years), and marks the key active.</summary>
    public Task ActivateAsync(StorageTransaction transaction, string keyId, string certificateId, DateOnly validUntil, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            UPDATE tenant_keys SET netsuite_certificate_id = @certificateId, status = @status, updated_at = @now,
                valid_until = CASE WHEN @until < valid_until THEN @until ELSE valid_until END
            WHERE id = @keyId
            """,
            new
            {
                keyId,
                certificateId,
                status = TenantKeyStatus.Active.ToString(),
                until = StoredTime.Format(new DateTimeOffset(validUntil.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero)),
                now = StoredTime.Format(now),
            },
            cancellationToken);

    /// <summary>The certificate of a stored key, PEM-encoded, as NetSuite's certificate endpoint takes it; null when there is no such key.</summary>
    public Task<string?> CertificatePemAsync(StorageTransaction transaction, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.QuerySingleOrDefaultAsync<string>("SELECT certificate_pem FROM tenant_keys WHERE id = @keyId", new { keyId }, cancellationToken);
    }

    /// <summary>Marks the key revoked and erases its private key for good.</summary>
    public Task RevokeAndEraseAsync(StorageTransaction transaction, string keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE tenant_keys SET protected_private_key = NULL, status = @status, updated_at = @now WHERE id = @keyId",
            new { keyId, status = TenantKeyStatus.Revoked.ToString(), now = StoredTime.Format(now) },
            cancellationToken);

    /// <summary>The key an onboarding session generated, if any (the newest not revoked).</summary>
    public async Task<TenantKey?> FindForSessionAsync(StorageTransaction transaction, SessionId session, CancellationToken cancellationToken)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<KeyRow>(
            $"SELECT {Columns} FROM tenant_keys WHERE session_id = @session AND status <> 'Revoked' ORDER BY created_at DESC LIMIT 1",
            new { session = session.Value },
            cancellationToken).ConfigureAwait(false);
        return row?.ToKey();
    }

    /// <summary>All keys of an account that are not revoked, newest first.</summary>
    public async Task<IReadOnlyList<TenantKey>> LiveKeysAsync(StorageTransaction transaction, AccountId account, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<KeyRow>(
            $"SELECT {Columns} FROM tenant_keys WHERE account_id = @account AND status <> 'Revoked' ORDER BY created_at DESC",
            new { account = account.Value },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToKey())];
    }

    /// <summary>The active key of each of <paramref name="accounts"/> that has one, in one query (the health monitor's batches).</summary>
    public async Task<IReadOnlyDictionary<AccountId, TenantKey>> ActiveKeysAsync(StorageTransaction transaction, IReadOnlyCollection<AccountId> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(accounts);
        var rows = await transaction.QueryAsync<KeyRow>(
            $"SELECT {Columns} FROM tenant_keys WHERE status = 'Active' AND account_id {transaction.Dialect.InList("accounts")} ORDER BY created_at DESC",
            new { accounts = transaction.Dialect.ListOf(accounts.Select(a => a.Value)) },
            cancellationToken).ConfigureAwait(false);
        var keys = new Dictionary<AccountId, TenantKey>();
        foreach (var key in rows.Select(r => r.ToKey()))
        {
            keys.TryAdd(key.Account, key);
        }

        return keys;
    }

    /// <summary>What signing an assertion with a stored key takes; the private key is decrypted into memory only here.</summary>
    public async Task<MachineCredential?> CredentialForAsync(StorageTransaction transaction, TenantKey key, CancellationToken cancellationToken)
    {
        if (key.NetSuiteCertificateId is null)
        {
            return null;
        }

        var protectedKey = await transaction.QuerySingleOrDefaultAsync<string>(
            "SELECT protected_private_key FROM tenant_keys WHERE id = @id", new { id = key.Id }, cancellationToken).ConfigureAwait(false);
        return protectedKey is null
            ? null
            : new MachineCredential(key.Account, key.NetSuiteCertificateId, key.Algorithm, protector.Unprotect(PrivateKeyPurpose, protectedKey));
    }

    /// <summary>The credential of the account's active key, for health checks and routines; null when the tenant has none.</summary>
    public async Task<MachineCredential?> ActiveCredentialAsync(AccountId account, CancellationToken cancellationToken)
    {
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        var active = (await LiveKeysAsync(read, account, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.Status == TenantKeyStatus.Active);
        return active is null ? null : await CredentialForAsync(read, active, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Base64url SHA-256 of the certificate's DER bytes — the form NetSuite's certificate ids appear to take.</summary>
    public static string Thumbprint(string certificatePem)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        return System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(certificate.RawData));
    }

    private sealed class KeyRow
    {
        public string Id { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string Algorithm { get; set; } = "";
        public string Thumbprint { get; set; } = "";
        public string? NetSuiteCertificateId { get; set; }
        public long? RoleId { get; set; }
        public long? EntityId { get; set; }
        public string ValidFrom { get; set; } = "";
        public string ValidUntil { get; set; } = "";
        public string Status { get; set; } = "";
        public string CreatedAt { get; set; } = "";

        public TenantKey ToKey() => new(
            Id,
            NetSuite.AccountId.Parse(AccountId),
            Enum.Parse<KeyAlgorithm>(Algorithm),
            Thumbprint,
            NetSuiteCertificateId,
            RoleId,
            EntityId,
            StoredTime.Parse(ValidFrom),
            StoredTime.Parse(ValidUntil),
            Enum.Parse<TenantKeyStatus>(Status),
            StoredTime.Parse(CreatedAt));
    }
}
