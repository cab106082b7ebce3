using System.Security.Cryptography;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>A client-credentials certificate mapped to (integration, role, entity).</summary>
internal sealed class CertificateMapping
{
    public required string CertificateId { get; init; }
    public required string ClientId { get; init; }
    public required int RoleId { get; init; }
    public required int EntityId { get; init; }
    public required string Pem { get; init; }
    public required string Algorithm { get; init; }
    public required AsymmetricAlgorithm PublicKey { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset ValidFrom { get; init; }
    public required DateTimeOffset ValidUntil { get; init; }
    public bool Revoked { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => !Revoked && now >= ValidFrom && now < ValidUntil;

    /// <summary>Neither revoked nor expired: a certificate not valid yet still takes one of the five places.</summary>
    public bool CountsTowardLimitAt(DateTimeOffset now) => !Revoked && now < ValidUntil;
}
