using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using static Onboarding.Engine.Log;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>
/// Replaces a tenant's certificate without losing machine access, always with overlap: the new key is stored first
/// (write-ahead), its certificate uploaded beside the old one with the app's own client-credentials token (or an admin's
/// delegated token), proven by minting a token with it and running the connection probe, switched to, and only then is
/// the old certificate revoked. NetSuite allows several active certificates per (integration, role, entity); only the
/// limit on active, unexpired ones per integration record applies (docs/netsuite.md, C5 and C6).
/// </summary>
/// <remarks>
/// A failed proof changes nothing for the tenant: the old certificate stays active and in use, the new one is revoked
/// and its key erased. Leftovers of an interrupted rotation are revoked first, so the app never holds more than two of
/// the certificates NetSuite allows.
/// </remarks>
public sealed class CertificateRotation(
    ITenantKeyRing keys,
    IClientCredentialsTokens tokens,
    ICertificateClient certificates,
    ConnectionProbe probe,
    IKeyMaterialFactory keyFactory,
    IOptions<NetSuiteOptions> netSuiteOptions,
    HealthMetrics metrics,
    TimeProvider timeProvider,
    ILogger<CertificateRotation> logger)
{
    /// <summary>Who uses the tenant's keys during a rotation, in the audit log.</summary>
    public const string KeyUser = "certificate-rotation";

    /// <param name="account">The tenant.</param>
    /// <param name="delegatedToken">An admin's token from a re-authorization, when the app's own token cannot manage certificates.</param>
    /// <param name="reason">Why, for the log: "renewal", "rotate command", "re-authorization".</param>
    /// <param name="cancellationToken">Cancels the rotation.</param>
    public async Task<RotationOutcome> RotateAsync(AccountId account, BearerToken? delegatedToken, string reason, CancellationToken cancellationToken)
    {
        // One rotation per tenant at a time across every instance: renewal by the monitor, a rotate command, a re-authorization.
        var held = await keys.TryBeginRotationAsync(account, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return new RotationOutcome(RotationStatus.AlreadyRunning);
        }

        await using (held.ConfigureAwait(false))
        {
            RotationStarted(logger, account, reason);
            var outcome = await RotateLockedAsync(account, delegatedToken, cancellationToken).ConfigureAwait(false);
            metrics.RenewalFinished(outcome.Status.ToString());
            if (outcome.Status == RotationStatus.Rotated)
            {
                RotationSucceeded(logger, account, outcome.NewCertificateId!, outcome.ValidUntil!.Value, outcome.OldCertificateId);
            }
            else if (outcome.Error is { } error)
            {
                RotationFailed(logger, account, outcome.Stage ?? "start", error.Kind, error.Said);
            }

            return outcome;
        }
    }

    private async Task<RotationOutcome> RotateLockedAsync(AccountId account, BearerToken? delegatedToken, CancellationToken cancellationToken)
    {
        var old = await keys.ActiveKeyAsync(account, cancellationToken).ConfigureAwait(false);
        if (old is not { RoleId: { } roleId, EntityId: { } entityId, NetSuiteCertificateId: { } oldCertificateId })
        {
            return new RotationOutcome(RotationStatus.NoTenantKey);
        }

        var token = await ManagementTokenAsync(old, delegatedToken, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return Refused("token", token.Error);
        }

        var listed = await certificates.ListAsync(account, token.Value, cancellationToken).ConfigureAwait(false);
        if (!listed.IsSuccess)
        {
            return Refused("list", listed.Error);
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var counted = CertificateLimit.Counted(listed.Value, today).ToList();
        var leftovers = await RevokeLeftoversAsync(account, old, counted, token.Value, cancellationToken).ConfigureAwait(false);
        counted.RemoveAll(c => leftovers.Contains(c.CertificateId));
        if (counted.Count >= CertificateLimit.MaxActive)
        {
            return new RotationOutcome(RotationStatus.Failed, "plan", new NetSuiteError(NetSuiteErrorKind.InvalidRequest, CertificateLimit.ReachedExplanation(account)));
        }

        var options = netSuiteOptions.Value;
        var material = keyFactory.Create(options.KeyAlgorithm, account.Value, TimeSpan.FromDays(options.CertificateValidityDays));
        var pending = await keys.AddPendingAsync(account, material, roleId, entityId, cancellationToken).ConfigureAwait(false);
        var uploaded = await certificates.UploadAsync(account, token.Value, material.CertificatePem, roleId, entityId, cancellationToken).ConfigureAwait(false);
        if (!uploaded.IsSuccess)
        {
            await keys.RevokeAsync(pending.Id, cancellationToken).ConfigureAwait(false);
            return Refused("upload", uploaded.Error);
        }

        var newCertificateId = uploaded.Value.CertificateId;
        await keys.MarkUploadedAsync(pending.Id, newCertificateId, cancellationToken).ConfigureAwait(false);
        var proof = await ProveAsync(new MachineCredential(account, newCertificateId, material.Algorithm, material.PrivateKeyPkcs8), cancellationToken).ConfigureAwait(false);
        Array.Clear(material.PrivateKeyPkcs8);
        if (proof is not null)
        {
            // Nothing changes for the tenant: the old certificate stays in use. The unproven one goes, so it neither lingers
            // nor counts toward the limit; if NetSuite will not revoke it now, the next rotation finds it among the leftovers.
            var withdrawn = await certificates.RevokeAsync(account, token.Value, newCertificateId, cancellationToken).ConfigureAwait(false);
            if (withdrawn.IsSuccess)
            {
                await keys.RevokeAsync(pending.Id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                OldCertificateNotRevoked(logger, account, newCertificateId, withdrawn.Error.Said);
            }

            return new RotationOutcome(RotationStatus.Failed, "prove", proof, OldCertificateId: oldCertificateId, OldKeptActive: true);
        }

        await keys.SwitchAsync(account, pending.Id, cancellationToken).ConfigureAwait(false);
        var revoked = await certificates.RevokeAsync(account, token.Value, oldCertificateId, cancellationToken).ConfigureAwait(false);
        if (!revoked.IsSuccess)
        {
            // The old key stays retiring; the next rotation revokes it with the leftovers.
            OldCertificateNotRevoked(logger, account, oldCertificateId, revoked.Error.Said);
            return Rotated(uploaded.Value, oldCertificateId, oldRevoked: false);
        }

        await keys.RevokeAsync(old.Id, cancellationToken).ConfigureAwait(false);
        return Rotated(uploaded.Value, oldCertificateId, oldRevoked: true);
    }

    private async Task<NetSuiteResult<BearerToken>> ManagementTokenAsync(TenantKey old, BearerToken? delegatedToken, CancellationToken cancellationToken)
    {
        if (delegatedToken is { } delegated)
        {
            return NetSuiteResult<BearerToken>.Success(delegated);
        }

        var credential = await keys.CredentialAsync(old, cancellationToken).ConfigureAwait(false);
        return credential is null
            ? new NetSuiteError(NetSuiteErrorKind.CertificateRejected, Phrase.Of(nameof(NetSuite_NoPrivateKey)))
            : await tokens.GetAsync(credential with { UsedBy = KeyUser }, cancellationToken).ConfigureAwait(false);
    }

    // Keys of an interrupted rotation: revoke their certificates in NetSuite and erase them here.
    private async Task<HashSet<string>> RevokeLeftoversAsync(AccountId account, TenantKey current, IReadOnlyList<NetSuiteCertificate> counted, BearerToken token, CancellationToken cancellationToken)
    {
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in await keys.LiveKeysAsync(account, cancellationToken).ConfigureAwait(false))
        {
            if (key.Id == current.Id || key.Status == TenantKeyStatus.Active)
            {
                continue;
            }

            if (key.NetSuiteCertificateId is { } id && counted.Any(c => c.CertificateId == id))
            {
                var result = await certificates.RevokeAsync(account, token, id, cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    OldCertificateNotRevoked(logger, account, id, result.Error.Said);
                    continue;
                }

                revoked.Add(id);
            }

            await keys.RevokeAsync(key.Id, cancellationToken).ConfigureAwait(false);
        }

        return revoked;
    }

    // The new certificate must sign in and read what the app reads before anything depends on it.
    private async Task<NetSuiteError?> ProveAsync(MachineCredential credential, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(credential with { UsedBy = KeyUser }, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return token.Error;
        }

        var probed = await probe.RunAsync(credential.Account, token.Value, cancellationToken).ConfigureAwait(false);
        return probed.IsSuccess ? null : probed.Error;
    }

    // Refusals of the app's own sign-in or of its role's certificate permission need an admin; anything else is a plain failure.
    private static RotationOutcome Refused(string stage, NetSuiteError error) =>
        new(
            error.Kind is NetSuiteErrorKind.CertificateRejected or NetSuiteErrorKind.InvalidLogin or NetSuiteErrorKind.PermissionMissing
                or NetSuiteErrorKind.InvalidGrant or NetSuiteErrorKind.AccessDenied or NetSuiteErrorKind.InvalidScope
                ? RotationStatus.NeedsReauthorization
                : RotationStatus.Failed,
            stage,
            error);

    private static RotationOutcome Rotated(UploadedCertificate uploaded, string oldCertificateId, bool oldRevoked) =>
        new(
            RotationStatus.Rotated,
            NewCertificateId: uploaded.CertificateId,
            ValidUntil: new DateTimeOffset(uploaded.ValidUntil.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            OldCertificateId: oldCertificateId,
            OldRevoked: oldRevoked);
}
