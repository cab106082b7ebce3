namespace Onboarding.Engine.NetSuite;

/// <summary>
/// Where instances sharing one database keep each tenant's current client-credentials token (encrypted at rest, like every
/// secret), and the lease that lets one instance at a time mint a token for a tenant. Without one, each instance mints and
/// caches its own tokens (a single instance, or a test).
/// </summary>
public interface IMachineTokenStore
{
    /// <summary>The stored token for the tenant's certificate, or null when there is none for that certificate.</summary>
    Task<SharedMachineToken?> FindAsync(AccountId account, string certificateId, CancellationToken cancellationToken);

    /// <summary>Stores the token just minted for the tenant's certificate, replacing whatever was stored for the tenant.</summary>
    Task SaveAsync(AccountId account, string certificateId, SharedMachineToken token, CancellationToken cancellationToken);

    /// <summary>The right to mint for the tenant until disposed; null while another instance (or worker) holds it.</summary>
    Task<IAsyncDisposable?> TryLockMintAsync(AccountId account, CancellationToken cancellationToken);
}

/// <summary>A client-credentials token and when it is to be renewed (some minutes before it expires).</summary>
public sealed record SharedMachineToken(BearerToken Token, DateTimeOffset RenewAt);
