using Microsoft.Extensions.Logging;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Language.Texts;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Step 3's upload of a stored key's certificate for the app's role and entity. Write-ahead recovery: the key is stored
/// before the upload, so after a crash between NetSuite's answer and our record the integration's certificates are
/// listed and ours is adopted instead of uploading a duplicate, which NetSuite refuses (docs/netsuite.md, C5).
/// </summary>
public sealed class CertificateUpload(
    Database database,
    TenantKeyStore keys,
    AuditLog audit,
    ICertificateClient certificates,
    TimeProvider timeProvider,
    ILogger<CertificateUpload> logger)
{
    /// <summary>Returns the key activated with its NetSuite certificate id, or the failure to show.</summary>
    public async Task<(TenantKey? Key, StepFailure? Failure)> RunAsync(AccountId account, TenantKey key, BearerToken token, string actor, CancellationToken cancellationToken)
    {
        var listed = await certificates.ListAsync(account, token, cancellationToken).ConfigureAwait(false);
        if (!listed.IsSuccess)
        {
            return (null, StepFailure.From(listed.Error));
        }

        string? certificateId;
        DateOnly validUntil;
        string action;
        var known = await KnownCertificateIdsAsync(account, cancellationToken).ConfigureAwait(false);
        var match = Reconcile(listed.Value, key, known);
        if (match is not null)
        {
            certificateId = match.CertificateId;
            validUntil = match.ValidUntil;
            action = "certificate.reconciled";
            CertificateReconciled(logger, certificateId, account.Value);
        }
        else
        {
            if (CertificateLimit.IsReached(listed.Value, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)))
            {
                return (null, new StepFailure(FlowCodes.CertificateLimit, CertificateLimit.ReachedExplanation(account), Phrase.Of(nameof(Failure_CertificateLimitToDo))));
            }

            // The PEM is read here only: the one step that sends it anywhere (TenantKey does not carry it).
            var pem = await StorageTransaction.ReadAsync(database, read => keys.CertificatePemAsync(read, key.Id, cancellationToken), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The key {key.Id} of account {account} is no longer stored, so its certificate cannot be uploaded.");
            var uploaded = await certificates.UploadAsync(account, token, pem, key.RoleId!.Value, key.EntityId!.Value, cancellationToken).ConfigureAwait(false);
            if (!uploaded.IsSuccess)
            {
                return (null, StepFailure.From(uploaded.Error));
            }

            certificateId = uploaded.Value.CertificateId;
            validUntil = uploaded.Value.ValidUntil;
            action = "certificate.uploaded";
        }

        await StorageTransaction.WriteAsync(database, async write =>
        {
            await keys.ActivateAsync(write, key.Id, certificateId, validUntil, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(write, new AuditEntry(actor, account.Value, action, "ok", $"certificate {certificateId}, role {key.RoleId}, entity {key.EntityId}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return (key with { NetSuiteCertificateId = certificateId, Status = TenantKeyStatus.Active }, null);
    }

    /// <summary>
    /// Finds our certificate among NetSuite's: by thumbprint when NetSuite's id is one, else by the mapping and validity
    /// only this key has (same role, entity, algorithm family, expiry date, not revoked, not already another key's).
    /// </summary>
    internal static NetSuiteCertificate? Reconcile(IReadOnlyList<NetSuiteCertificate> listed, TenantKey key, IReadOnlySet<string> knownIds)
    {
        var candidates = listed.Where(c => !c.Revoked && !knownIds.Contains(c.CertificateId)).ToList();
        if (candidates.FirstOrDefault(c => c.CertificateId == key.CertificateThumbprint) is { } exact)
        {
            return exact;
        }

        // Two look-alikes mean we cannot tell which is ours: adopt neither (the upload then fails loudly rather than guessing).
        var alike = candidates.Where(c =>
            c.RoleId == key.RoleId
            && c.EntityId == key.EntityId
            && string.Equals(c.Algorithm, key.Algorithm.Family(), StringComparison.OrdinalIgnoreCase)
            && c.ValidUntil == DateOnly.FromDateTime(key.ValidUntil.UtcDateTime)).ToList();
        return alike.Count == 1 ? alike[0] : null;
    }

    private async Task<IReadOnlySet<string>> KnownCertificateIdsAsync(AccountId account, CancellationToken cancellationToken)
    {
        var live = await StorageTransaction.ReadAsync(database, read => keys.LiveKeysAsync(read, account, cancellationToken), cancellationToken).ConfigureAwait(false);
        return live.Select(k => k.NetSuiteCertificateId).OfType<string>().ToHashSet();
    }
}
