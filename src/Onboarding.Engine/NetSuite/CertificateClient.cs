using Onboarding.Engine.NetSuite.Internal;
using Onboarding.Engine.NetSuite.Internal.Wire;

namespace Onboarding.Engine.NetSuite;

/// <summary>The client-credentials certificate rotation endpoint (facts §4) for this product's client id.</summary>
internal sealed class CertificateClient(NetSuiteCall call, NetSuiteEndpoints endpoints) : ICertificateClient
{
    public Task<NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>> ListAsync(AccountId account, BearerToken accessToken, CancellationToken cancellationToken) =>
        call.SendAsync<IReadOnlyList<NetSuiteCertificate>>(
            "certificate list",
            account,
            NetSuiteHttpClients.Idempotent,
            new HttpRequestMessage(HttpMethod.Get, endpoints.Certificates(account)),
            accessToken,
            async (response, ct) => (await NetSuiteJson.ReadAsync<List<CertificateListEntry>>(response, ct).ConfigureAwait(false))
                .Select(entry => entry.ToCertificate())
                .ToList(),
            cancellationToken);

    public Task<NetSuiteResult<UploadedCertificate>> UploadAsync(AccountId account, BearerToken accessToken, string certificatePem, long roleId, long entityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePem);
        if (certificatePem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only the certificate (public part) may be uploaded, never a private key.", nameof(certificatePem));
        }

        return call.SendAsync(
            "certificate upload",
            account,
            NetSuiteHttpClients.NonIdempotent,
            new HttpRequestMessage(HttpMethod.Post, endpoints.Certificates(account))
            {
                Content = NetSuiteJson.Content(new CertificateUploadRequest(certificatePem, roleId, entityId)),
            },
            accessToken,
            async (response, ct) => (await NetSuiteJson.ReadAsync<CertificateUploadResponse>(response, ct).ConfigureAwait(false)).ToUploaded(),
            cancellationToken);
    }

    public Task<NetSuiteResult<bool>> RevokeAsync(AccountId account, BearerToken accessToken, string certificateId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificateId);

        // NetSuite answers plain text ("Successfully revoked"); revoking twice leaves the same state, so it may be retried.
        return call.SendAsync(
            "certificate revoke",
            account,
            NetSuiteHttpClients.Idempotent,
            new HttpRequestMessage(HttpMethod.Post, endpoints.RevokeCertificate(account, certificateId)),
            accessToken,
            (_, _) => Task.FromResult(true),
            cancellationToken);
    }
}
