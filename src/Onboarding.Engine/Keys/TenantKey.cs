using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Keys;

/// <summary>
/// A tenant's stored key pair and certificate, as everything but the upload needs it: neither the private key (encrypted
/// in storage, decrypted only to sign) nor the certificate's PEM (read only to upload it: <c>TenantKeyStore.CertificatePemAsync</c>)
/// is part of this record, so the health monitor's batches carry neither. Written <see cref="TenantKeyStatus.Pending"/>
/// before the upload, so a crash after NetSuite stored it can be reconciled.
/// </summary>
public sealed record TenantKey(
    string Id,
    AccountId Account,
    KeyAlgorithm Algorithm,
    string CertificateThumbprint,
    string? NetSuiteCertificateId,
    long? RoleId,
    long? EntityId,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    TenantKeyStatus Status,
    DateTimeOffset CreatedAt);

/// <summary>A key's life: generated and stored (pending), uploaded and in use (active), being replaced (retiring), revoked and erased.</summary>
public enum TenantKeyStatus
{
    Pending,
    Active,
    Retiring,
    Revoked,
}

/// <summary>Names the certificate families NetSuite reports in its certificate list (<c>"EC"</c> or <c>"RSA"</c>).</summary>
public static class KeyAlgorithmNames
{
    public static string Family(this KeyAlgorithm algorithm) => algorithm is KeyAlgorithm.Rsa3072 or KeyAlgorithm.Rsa4096 ? "RSA" : "EC";

    /// <summary>For people: "EC P-256", "RSA 3072".</summary>
    public static string Display(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => "EC P-256",
        KeyAlgorithm.EcP384 => "EC P-384",
        KeyAlgorithm.EcP521 => "EC P-521",
        KeyAlgorithm.Rsa3072 => "RSA 3072",
        KeyAlgorithm.Rsa4096 => "RSA 4096",
        _ => algorithm.ToString(),
    };
}
