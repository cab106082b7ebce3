using Onboarding.Engine.Coordination;
using Onboarding.Engine.Health;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Health's <see cref="ITenantKeyRing"/> over the flow's <see cref="TenantKeyStore"/>: each change is one transaction
/// with its audit entry. The status changes rotation needs beyond the flow's (uploaded-but-pending, switch) live here.
/// </summary>
public sealed class TenantKeyRing(Database database, TenantKeyStore keys, AuditLog audit, WorkLeases leases, TimeProvider timeProvider) : ITenantKeyRing
{
    /// <summary>The lease scope of certificate rotations (one per tenant at a time, fleet-wide).</summary>
    public const string RotationScope = "certificate-rotation";

    private const string Actor = "health";

    // A rotation makes a handful of NetSuite calls; the lease is renewed while it runs, so this only bounds a dead holder.
    private static readonly TimeSpan RotationLease = TimeSpan.FromMinutes(2);

    public async Task<IAsyncDisposable?> TryBeginRotationAsync(AccountId account, CancellationToken cancellationToken) =>
        await leases.TryAcquireAsync(RotationScope, account.Value, RotationLease, cancellationToken).ConfigureAwait(false) is { } lease
            ? new HeldLease(lease, lease.KeepAlive(RotationLease))
            : null;

    public async Task<TenantKey?> ActiveKeyAsync(AccountId account, CancellationToken cancellationToken) =>
        (await LiveKeysAsync(account, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.Status == TenantKeyStatus.Active);

    public async Task<IReadOnlyList<TenantKey>> LiveKeysAsync(AccountId account, CancellationToken cancellationToken)
    {
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        return await keys.LiveKeysAsync(read, account, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MachineCredential?> CredentialAsync(TenantKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        return await keys.CredentialForAsync(read, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TenantKey> AddPendingAsync(AccountId account, TenantKeyMaterial material, long roleId, long entityId, CancellationToken cancellationToken)
    {
        await using var write = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        var key = await keys.AddPendingAsync(write, account, null, material, roleId, entityId, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(write, new AuditEntry(Actor, account.Value, "key.generated", "ok", $"{material.Algorithm} key {key.Id} for rotation, role {roleId}, entity {entityId}"), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }

    public async Task MarkUploadedAsync(string keyId, string certificateId, CancellationToken cancellationToken)
    {
        await using var write = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        await write.ExecuteAsync(
            "UPDATE tenant_keys SET netsuite_certificate_id = @certificateId, updated_at = @now WHERE id = @keyId AND status = @pending",
            new { keyId, certificateId, pending = TenantKeyStatus.Pending.ToString(), now = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SwitchAsync(AccountId account, string keyId, CancellationToken cancellationToken)
    {
        var now = StoredTime.Format(timeProvider.GetUtcNow());
        await using var write = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        await write.ExecuteAsync(
            "UPDATE tenant_keys SET status = @retiring, updated_at = @now WHERE account_id = @account AND status = @active AND id <> @keyId",
            new { account = account.Value, keyId, retiring = TenantKeyStatus.Retiring.ToString(), active = TenantKeyStatus.Active.ToString(), now },
            cancellationToken).ConfigureAwait(false);
        var switched = await write.ExecuteAsync(
            "UPDATE tenant_keys SET status = @active, updated_at = @now WHERE id = @keyId AND account_id = @account AND netsuite_certificate_id IS NOT NULL",
            new { account = account.Value, keyId, active = TenantKeyStatus.Active.ToString(), now },
            cancellationToken).ConfigureAwait(false);
        if (switched != 1)
        {
            throw new InvalidOperationException($"Key {keyId} of {account} has no NetSuite certificate id, so it cannot become active.");
        }

        await audit.AppendAsync(write, new AuditEntry(Actor, account.Value, "certificate.switched", "ok", $"key {keyId} is now active"), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var write = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        var account = await write.QuerySingleOrDefaultAsync<string>("SELECT account_id FROM tenant_keys WHERE id = @keyId", new { keyId }, cancellationToken).ConfigureAwait(false);
        await keys.RevokeAndEraseAsync(write, keyId, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(write, new AuditEntry(Actor, account, "key.revoked", "ok", $"key {keyId} revoked, private key erased"), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class HeldLease(WorkLease lease, IAsyncDisposable renewal) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await renewal.DisposeAsync().ConfigureAwait(false);
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
