using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>Revokes the certificates an offboarding could not revoke with the app's own token, using an admin's.</summary>
public sealed class CertificateRevocationPurpose(Database database, ICertificateClient certificates, AuditLog audit) : IReauthorizationPurpose
{
    public ReauthorizationPurpose Purpose => ReauthorizationPurpose.RevokeCertificates;

    public Phrase Describe(Reauthorization reauthorization)
    {
        ArgumentNullException.ThrowIfNull(reauthorization);
        return Phrase.Of(reauthorization.CertificateIds.Count == 1 ? nameof(Reauthorization_ToRevokeOne) : nameof(Reauthorization_ToRevokeMany));
    }

    public async Task<ReauthorizationResult> RunAsync(Reauthorization reauthorization, BearerToken adminToken, CancellationToken cancellationToken)
    {
        var facts = new List<ResultFact>();
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

            facts.Add(error is null
                ? new ResultFact(Phrase.Of(nameof(Fact_CertificateRevoked)), Phrase.Verbatim(id))
                : new ResultFact(Phrase.Of(nameof(Fact_NotRevoked)), Phrase.Of(nameof(Fact_NotRevokedWhy), id, error.Explanation)));
            await StorageTransaction.WriteAsync(
                database,
                write => audit.AppendAsync(write, new AuditEntry("netsuite-callback", reauthorization.Account.Value, "certificate.revoked", revoked ? "revoked" : "revoke-failed", $"certificate {id}, with a re-authorization's admin token"), cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }

        return failed == 0
            ? new ReauthorizationResult(true, Phrase.Of(nameof(Reauthorization_Revoked)), facts)
            : new ReauthorizationResult(false, Phrase.Of(nameof(Reauthorization_NotAllRevoked)), facts, said);
    }
}
