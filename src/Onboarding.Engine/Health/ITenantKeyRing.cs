using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>
/// A tenant's machine keys as certificate renewal needs them (the onboarding flow owns the <c>tenant_keys</c> table).
/// New material is stored pending before NetSuite sees it, so a crash mid-rotation leaves a trace to reconcile.
/// </summary>
public interface ITenantKeyRing
{
    /// <summary>The key checks sign with, or null when the tenant has none.</summary>
    Task<MachineKey?> ActiveKeyAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>Every key not yet revoked (pending, active, retiring), newest first.</summary>
    Task<IReadOnlyList<MachineKey>> LiveKeysAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>The signing credential of an uploaded key; the private key is decrypted only here. Null before upload or once erased.</summary>
    Task<MachineCredential?> CredentialAsync(MachineKey key, CancellationToken cancellationToken);

    /// <summary>Stores new material (private key protected) as pending.</summary>
    Task<MachineKey> AddPendingAsync(AccountId account, TenantKeyMaterial material, long roleId, long entityId, CancellationToken cancellationToken);

    /// <summary>Records the NetSuite certificate id of a pending key without making it active (it may sign, to be proven).</summary>
    Task MarkUploadedAsync(string keyId, string certificateId, CancellationToken cancellationToken);

    /// <summary>Makes the key active; whatever was active becomes retiring. One transaction.</summary>
    Task SwitchAsync(AccountId account, string keyId, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked and erases its private key.</summary>
    Task RevokeAsync(string keyId, CancellationToken cancellationToken);
}

/// <summary>One stored key pair and its certificate, without the private key.</summary>
public sealed record MachineKey(
    string Id,
    AccountId Account,
    KeyAlgorithm Algorithm,
    string? CertificateId,
    long RoleId,
    long EntityId,
    DateTimeOffset ValidUntil,
    MachineKeyStatus Status);

/// <summary>Where a key stands: stored before upload, in use, replaced and about to be revoked, or revoked and erased.</summary>
public enum MachineKeyStatus
{
    Pending,
    Active,
    Retiring,
    Revoked,
}
