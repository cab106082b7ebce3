using Onboarding.Engine.NetSuite.Internal;
using Onboarding.Engine.NetSuite.Internal.Wire;

namespace Onboarding.Engine.NetSuite;

/// <summary>The client-credentials certificate rotation endpoint (docs/netsuite.md §4) of the machine integration record.</summary>
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

    public async Task<NetSuiteResult<CertificateRevocation>> RevokeAsync(AccountId account, BearerToken accessToken, string certificateId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificateId);

        // NetSuite answers plain text ("Successfully revoked"); revoking twice leaves the same state, so it may be retried.
        var result = await call.SendAsync(
            "certificate revoke",
            account,
            NetSuiteHttpClients.Idempotent,
            new HttpRequestMessage(HttpMethod.Post, endpoints.RevokeCertificate(account, certificateId)),
            accessToken,
            (_, _) => Task.FromResult(CertificateRevocation.Revoked),
            cancellationToken).ConfigureAwait(false);

        // An unknown or already revoked certificate answers 404 (docs/netsuite.md §4.4): the goal, a certificate NetSuite no
        // longer accepts, is reached either way, so every caller treats it as done.
        return !result.IsSuccess && result.Error.Kind == NetSuiteErrorKind.NotFound
            ? NetSuiteResult<CertificateRevocation>.Success(CertificateRevocation.AlreadyRevoked)
            : result;
    }
}
