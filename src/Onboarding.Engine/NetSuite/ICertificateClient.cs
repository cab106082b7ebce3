namespace Onboarding.Engine.NetSuite;

/// <summary>NetSuite's OAuth 2.0 client-credentials certificate endpoint: list, upload, revoke (for this product's client id).</summary>
public interface ICertificateClient
{
    Task<NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>> ListAsync(AccountId account, BearerToken accessToken, CancellationToken cancellationToken);

    /// <summary>Uploads a PEM certificate mapped to a role and entity. Never retried blindly after NetSuite may have stored it.</summary>
    Task<NetSuiteResult<UploadedCertificate>> UploadAsync(AccountId account, BearerToken accessToken, string certificatePem, long roleId, long entityId, CancellationToken cancellationToken);

    Task<NetSuiteResult<bool>> RevokeAsync(AccountId account, BearerToken accessToken, string certificateId, CancellationToken cancellationToken);
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
