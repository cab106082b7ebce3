namespace Onboarding.Engine.NetSuite;

/// <summary>NetSuite's OAuth 2.0 client-credentials certificate endpoint: list, upload, revoke (of the machine integration record, <c>NetSuite:MachineClientId</c>).</summary>
public interface ICertificateClient
{
    Task<NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>> ListAsync(AccountId account, BearerToken accessToken, CancellationToken cancellationToken);

    /// <summary>Uploads a PEM certificate mapped to a role and entity. Never retried blindly after NetSuite may have stored it.</summary>
    Task<NetSuiteResult<UploadedCertificate>> UploadAsync(AccountId account, BearerToken accessToken, string certificatePem, long roleId, long entityId, CancellationToken cancellationToken);

    /// <summary>Revokes a certificate; one NetSuite no longer knows (404) counts as <see cref="CertificateRevocation.AlreadyRevoked"/>, not as a failure.</summary>
    Task<NetSuiteResult<CertificateRevocation>> RevokeAsync(AccountId account, BearerToken accessToken, string certificateId, CancellationToken cancellationToken);
}

/// <summary>How a revoke ended when it succeeded: NetSuite no longer accepts the certificate either way.</summary>
public enum CertificateRevocation
{
    /// <summary>NetSuite revoked it now.</summary>
    Revoked,

    /// <summary>NetSuite did not know it any more (already revoked, or its mapping wiped by a sandbox refresh).</summary>
    AlreadyRevoked,
}

/// <summary>One row of the certificate list.</summary>
public sealed record NetSuiteCertificate(
    string CertificateId,
    string Algorithm,
    long RoleId,
    string? RoleName,
    long EntityId,
    string? EntityName,
    DateOnly Created,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    bool Revoked);

/// <summary>The answer to an upload: the certificate id to use as the assertion's <c>kid</c>, and the validity NetSuite applied.</summary>
public sealed record UploadedCertificate(string CertificateId, string Algorithm, long RoleId, long EntityId, DateOnly ValidFrom, DateOnly ValidUntil);
