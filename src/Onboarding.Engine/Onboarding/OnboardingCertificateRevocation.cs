using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Certificates an onboarding is done with: the one it uploaded, when the onboarding is cancelled or the certificate
/// replaced, and the account's older ones once a new onboarding of a connected account (Connect again) works. Each is
/// revoked at NetSuite — with the admin's token while it still works, else the certificate's own client-credentials
/// token — then its private key erased, and both audited.
/// </summary>
public sealed class OnboardingCertificateRevocation(
    Database database,
    TenantKeyStore keys,
    AdminAccess adminAccess,
    AuditedMachineTokens machineTokens,
    IClientCredentialsTokens tokenCache,
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
        if (key is not { NetSuiteCertificateId: not null, Status: TenantKeyStatus.Active } || session.Account is null)
        {
            return;
        }

        await RevokeAndEraseAsync(session, key, actor, why, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Revokes and erases every live key of the account other than <paramref name="current"/>: after a sandbox refresh they
    /// no longer work, and NetSuite answers 404 for certificates it forgot, which counts as revoked.
    /// </summary>
    public async Task RetireOthersAsync(OnboardingSession session, TenantKey current, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var live = await StorageTransaction.ReadAsync(database, read => keys.LiveKeysAsync(read, current.Account, cancellationToken), cancellationToken).ConfigureAwait(false);
        var others = live.Where(k => k.Id != current.Id).ToList();
        foreach (var key in others)
        {
            await RevokeAndEraseAsync(session, key, actor, "replaced by a new onboarding", cancellationToken).ConfigureAwait(false);
        }

        if (others.Count > 0)
        {
            tokenCache.Invalidate(current.Account);
        }
    }

    private async Task RevokeAndEraseAsync(OnboardingSession session, TenantKey key, string actor, string why, CancellationToken cancellationToken)
    {
        var account = key.Account;
        var certificateId = key.NetSuiteCertificateId;
        var error = certificateId is null ? null : await RevokeAtNetSuiteAsync(session, account, key, certificateId, actor, cancellationToken).ConfigureAwait(false);
        await StorageTransaction.WriteAsync(database, async write =>
        {
            await keys.RevokeAndEraseAsync(write, key.Id, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(
                write,
                new AuditEntry(actor, account.Value, "certificate.revoked", error is null ? "revoked" : "revoke-failed", $"onboarding {session.Id} {why}; key {key.Id}, certificate {certificateId ?? "never uploaded"}; private key erased{(error is null ? string.Empty : $"; {error.Kind}")}"),
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
        return revoked.IsSuccess ? null : revoked.Error;
    }
}
