using Onboarding.Engine.Keys;

namespace Onboarding.Engine.NetSuite;

/// <summary>
/// Client-credentials access tokens for a tenant's machine access: a signed assertion per mint, tokens cached until
/// shortly before expiry, and concurrent callers for one tenant — on any instance sharing the database — sharing one mint.
/// </summary>
public interface IClientCredentialsTokens
{
    Task<NetSuiteResult<BearerToken>> GetAsync(MachineCredential credential, CancellationToken cancellationToken);

    /// <summary>
    /// The token this instance holds for the tenant's certificate, when it is not yet due for renewal: the health monitor asks
    /// first, so a warm check decrypts no private key.
    /// </summary>
    bool TryGetCached(AccountId account, string certificateId, out BearerToken token)
    {
        token = default;
        return false;
    }

    /// <summary>Forgets a cached token, e.g. after NetSuite refused it or the certificate changed: the next one is minted afresh.</summary>
    void Invalidate(AccountId account);
}

/// <summary>What signing a client assertion for a tenant takes: its certificate id (the <c>kid</c>) and private key.</summary>
public sealed record MachineCredential(AccountId Account, string CertificateId, KeyAlgorithm Algorithm, ReadOnlyMemory<byte> PrivateKeyPkcs8)
{
    /// <summary>Who is using the key (a chat user id, or the app's own part: <c>health-monitor</c>, <c>certificate-rotation</c>), for the audit log.</summary>
    public string UsedBy { get; init; } = "system";

    public override string ToString() => $"MachineCredential {{ Account = {Account}, CertificateId = {CertificateId}, Algorithm = {Algorithm} }}";
}
