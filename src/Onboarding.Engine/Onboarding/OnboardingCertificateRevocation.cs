using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// The certificate an onboarding already uploaded, when the onboarding is cancelled or the certificate replaced: revoked
/// at NetSuite — with the admin's token while it still works, else the certificate's own client-credentials token —
/// then its private key erased, and both audited.
/// </summary>
public sealed class OnboardingCertificateRevocation(
    Database database,
    TenantKeyStore keys,
    AdminAccess adminAccess,
    AuditedMachineTokens machineTokens,
    ICertificateClient certificates,
    AuditLog audit,
    TimeProvider timeProvider)
{
    /// <summary>Revokes and erases the session's uploaded key, if it has one. Call before the admin access ends.</summary>
    /// <param name="session">The onboarding.</param>
    /// <param name="actor">Who, for the audit log.</param>
    /// <param name="why">Why, for the audit log: "cancelled", "replaced".</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task RevokeAsync(OnboardingSession session, string actor, string why, CancellationToken cancellationToken)
    {
        var key = await StorageTransaction.ReadAsync(database, read => keys.FindForSessionAsync(read, session.Id, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (key is not { NetSuiteCertificateId: { } certificateId, Status: TenantKeyStatus.Active } || session.Account is not { } account)
        {
            return;
        }

        var error = await RevokeAtNetSuiteAsync(session, account, key, certificateId, actor, cancellationToken).ConfigureAwait(false);
        await StorageTransaction.WriteAsync(database, async write =>
        {
            await keys.RevokeAndEraseAsync(write, key.Id, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(
                write,
                new AuditEntry(actor, account.Value, "certificate.revoked", error is null ? "revoked" : "revoke-failed", $"onboarding {session.Id} {why}; key {key.Id}, certificate {certificateId}; private key erased{(error is null ? string.Empty : $"; {error.Kind}")}"),
                cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<NetSuiteError?> RevokeAtNetSuiteAsync(OnboardingSession session, AccountId account, TenantKey key, string certificateId, string actor, CancellationToken cancellationToken)
    {
        var token = await adminAccess.AccessTokenAsync(session, actor, "certificate revocation", cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            var credential = await StorageTransaction.ReadAsync(database, read => keys.CredentialForAsync(read, key, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (credential is null)
            {
                return token.Error;
            }

            token = await machineTokens.GetAsync(credential, actor, fresh: false, cancellationToken).ConfigureAwait(false);
            if (!token.IsSuccess)
            {
                return token.Error;
            }
        }

        var revoked = await certificates.RevokeAsync(account, token.Value, certificateId, cancellationToken).ConfigureAwait(false);
        return revoked.IsSuccess || revoked.Error.Kind == NetSuiteErrorKind.NotFound ? null : revoked.Error;
    }
}
