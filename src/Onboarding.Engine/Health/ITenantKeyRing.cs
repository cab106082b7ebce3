using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>
/// A tenant's machine keys as checks and certificate rotation need them, over the onboarding flow's <c>tenant_keys</c>.
/// New material is stored pending before NetSuite sees it, so a crash mid-rotation leaves a trace to reconcile.
/// </summary>
public interface ITenantKeyRing
{
    /// <summary>
    /// The right to rotate the tenant's certificate, held until disposed, on whichever instance asks first; null while a
    /// rotation of the tenant is under way anywhere (here, or on another instance sharing the database).
    /// </summary>
    Task<IAsyncDisposable?> TryBeginRotationAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>The key checks sign with, or null when the tenant has none.</summary>
    Task<TenantKey?> ActiveKeyAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>Every key not yet revoked (pending, active, retiring), newest first.</summary>
    Task<IReadOnlyList<TenantKey>> LiveKeysAsync(AccountId account, CancellationToken cancellationToken);

    /// <summary>The signing credential of an uploaded key; the private key is decrypted only here. Null before upload or once erased.</summary>
    Task<MachineCredential?> CredentialAsync(TenantKey key, CancellationToken cancellationToken);

    /// <summary>Stores new material (private key protected) as pending.</summary>
    Task<TenantKey> AddPendingAsync(AccountId account, TenantKeyMaterial material, long roleId, long entityId, CancellationToken cancellationToken);

    /// <summary>Records the NetSuite certificate id of a pending key without making it active yet.</summary>
    Task MarkUploadedAsync(string keyId, string certificateId, CancellationToken cancellationToken);

    /// <summary>Makes the key active; whatever was active becomes retiring. One transaction.</summary>
    Task SwitchAsync(AccountId account, string keyId, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked and erases its private key.</summary>
    Task RevokeAsync(string keyId, CancellationToken cancellationToken);
}
