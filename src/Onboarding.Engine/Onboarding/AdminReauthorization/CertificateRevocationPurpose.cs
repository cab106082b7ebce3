using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>Revokes the certificates an offboarding could not revoke with the app's own token, using an admin's.</summary>
public sealed class CertificateRevocationPurpose(Database database, ICertificateClient certificates, AuditLog audit) : IReauthorizationPurpose
{
    public ReauthorizationPurpose Purpose => ReauthorizationPurpose.RevokeCertificates;

    public string Describe(Reauthorization reauthorization) =>
        reauthorization.CertificateIds.Count == 1 ? "to revoke its certificate" : "to revoke its certificates";

    public async Task<ReauthorizationResult> RunAsync(Reauthorization reauthorization, BearerToken adminToken, CancellationToken cancellationToken)
    {
        var facts = new List<Fact>();
        string? said = null;
        var failed = 0;
        foreach (var id in reauthorization.CertificateIds)
        {
            var result = await certificates.RevokeAsync(reauthorization.Account, adminToken, id, cancellationToken).ConfigureAwait(false);
            var error = result.IsSuccess ? null : result.Error;
            var revoked = error is null;
            if (error is not null)
            {
                failed++;
                said ??= error.Said;
            }

            facts.Add(error is null ? new Fact("Certificate revoked", id) : new Fact("Not revoked in NetSuite", $"{id} — {error.Explanation}"));
            await StorageTransaction.WriteAsync(
                database,
                write => audit.AppendAsync(write, new AuditEntry("netsuite-callback", reauthorization.Account.Value, "certificate.revoked", revoked ? "revoked" : "revoke-failed", $"certificate {id}, with a re-authorization's admin token"), cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }

        return failed == 0
            ? new ReauthorizationResult(true, "The certificate is revoked in NetSuite.", facts)
            : new ReauthorizationResult(false, "NetSuite did not let the admin revoke every certificate; a NetSuite administrator can revoke it under Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials.", facts, said);
    }
}
