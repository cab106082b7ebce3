using Microsoft.Extensions.Logging;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Offboards a tenant: each live certificate is revoked at NetSuite with the tenant's own client-credentials token, then
/// every private key is erased (so a certificate NetSuite would not let us revoke is useless anyway) and the tenant is
/// marked offboarded. An open onboarding of the account is cancelled first.
/// </summary>
public sealed class TenantOffboarding(
    Database database,
    TenantStore tenants,
    TenantKeyStore keys,
    ICertificateClient certificates,
    IClientCredentialsTokens machineTokens,
    AuditedMachineTokens auditedTokens,
    AuditLog audit,
    TimeProvider timeProvider,
    ILogger<TenantOffboarding> logger)
{
    public async Task<OffboardingOutcome> OffboardAsync(AccountId account, string actor, CancellationToken cancellationToken)
    {
        var live = await StorageTransaction.ReadAsync(database, read => keys.LiveKeysAsync(read, account, cancellationToken), cancellationToken).ConfigureAwait(false);

        var revoked = new List<string>();
        var notRevoked = new List<(string CertificateId, NetSuiteError Error)>();
        foreach (var key in live.Where(k => k.NetSuiteCertificateId is not null))
        {
            var error = await RevokeAsync(account, key, actor, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                revoked.Add(key.NetSuiteCertificateId!);
            }
            else
            {
                notRevoked.Add((key.NetSuiteCertificateId!, error));
            }
        }

        var now = timeProvider.GetUtcNow();
        await StorageTransaction.WriteAsync(database, async write =>
        {
            foreach (var key in live)
            {
                await keys.RevokeAndEraseAsync(write, key.Id, now, cancellationToken).ConfigureAwait(false);
                var outcome = key.NetSuiteCertificateId is null ? "erased" : revoked.Contains(key.NetSuiteCertificateId) ? "revoked" : "revoke-failed";
                await audit.AppendAsync(write, new AuditEntry(actor, account.Value, "certificate.revoked", outcome, $"key {key.Id}, certificate {key.NetSuiteCertificateId ?? "never uploaded"}; private key erased"), cancellationToken).ConfigureAwait(false);
            }

            await MachineTokenStore.ForgetAsync(write, account, cancellationToken).ConfigureAwait(false);
            await tenants.UpsertAsync(write, new Onboarding.Tenant(account, TenantStatus.Offboarded) { OffboardedAt = now }, now, cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(write, new AuditEntry(actor, account.Value, "tenant.offboarded", notRevoked.Count == 0 ? "ok" : "partial"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        machineTokens.Invalidate(account);
        TenantOffboarded(logger, account.Value, notRevoked.Count == 0 ? "certificates revoked, keys erased" : "keys erased, some certificates not revoked");
        return new OffboardingOutcome(account, revoked, notRevoked);
    }

    private async Task<NetSuiteError?> RevokeAsync(AccountId account, Keys.TenantKey key, string actor, CancellationToken cancellationToken)
    {
        var credential = await StorageTransaction.ReadAsync(database, read => keys.CredentialForAsync(read, key, cancellationToken), cancellationToken).ConfigureAwait(false);

        if (credential is null)
        {
            return new NetSuiteError(NetSuiteErrorKind.CertificateRejected, Phrase.Of(nameof(NetSuite_KeyGone)));
        }

        var token = await auditedTokens.GetAsync(credential, actor, fresh: false, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return token.Error;
        }

        var result = await certificates.RevokeAsync(account, token.Value, key.NetSuiteCertificateId!, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? null : result.Error;
    }
}

/// <summary>What offboarding did: certificates revoked at NetSuite, and those NetSuite would not revoke (their keys are erased regardless).</summary>
public sealed record OffboardingOutcome(AccountId Account, IReadOnlyList<string> Revoked, IReadOnlyList<(string CertificateId, NetSuiteError Error)> NotRevoked);
