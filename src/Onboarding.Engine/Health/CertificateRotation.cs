using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

/// <summary>
/// Replaces a tenant's certificate without losing machine access: new key stored first (write-ahead), uploaded with the
/// app's own client-credentials token (or an admin's delegated token), proven by minting a token and running the probe,
/// switched to, and only then is the old certificate revoked.
/// </summary>
/// <remarks>
/// NetSuite keeps one active certificate per (integration, role, entity). While the old certificate is still active on
/// the same role and entity, the new one cannot be uploaded beside it; then the old one is revoked first and the gap is
/// bridged by the access token already minted from it (valid up to an hour, and every call in the rotation takes
/// seconds). Checks keep using that token, so none fails in between. When the mapping slot is free (the old certificate
/// was revoked, expired or wiped, or maps another role or entity), the new one overlaps the old until the switch.
/// Leftovers of an interrupted rotation are revoked first, so the app never holds more than two of the five certificates
/// NetSuite allows per integration.
/// </remarks>
public sealed class CertificateRotation(
    ITenantKeyRing keys,
    IClientCredentialsTokens tokens,
    ICertificateClient certificates,
    ISuiteQlClient suiteQl,
    IKeyMaterialFactory keyFactory,
    IOptions<NetSuiteOptions> netSuiteOptions,
    IOptions<HealthOptions> healthOptions,
    HealthMetrics metrics,
    TimeProvider timeProvider,
    ILogger<CertificateRotation> logger)
{
    /// <summary>NetSuite's limit of active certificates per integration record (facts §3.3).</summary>
    public const int MaxActiveCertificates = 5;

    private readonly ConcurrentDictionary<AccountId, SemaphoreSlim> _running = new();

    /// <param name="account">The tenant.</param>
    /// <param name="delegatedToken">An admin's token from a re-authorization, when the app's own token cannot manage certificates.</param>
    /// <param name="reason">Why, for the log: "renewal", "rotate command", "re-authorization".</param>
    /// <param name="cancellationToken">Cancels the rotation.</param>
    /// <summary>Who uses the tenant's keys during a rotation, in the audit log.</summary>
    public const string KeyUser = "certificate-rotation";

    public async Task<RotationOutcome> RotateAsync(AccountId account, BearerToken? delegatedToken, string reason, CancellationToken cancellationToken)
    {
        var gate = _running.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
        {
            return new RotationOutcome(RotationStatus.AlreadyRunning);
        }

        try
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
        finally
        {
            gate.Release();
        }
    }

    private async Task<RotationOutcome> RotateLockedAsync(AccountId account, BearerToken? delegatedToken, CancellationToken cancellationToken)
    {
        var old = await keys.ActiveKeyAsync(account, cancellationToken).ConfigureAwait(false);
        if (old is not { RoleId: { } roleId, EntityId: { } entityId, NetSuiteCertificateId: not null })
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
        var active = listed.Value.Where(c => !c.Revoked && c.ValidUntil >= today).ToList();
        var leftovers = await RevokeLeftoversAsync(account, old, active, token.Value, cancellationToken).ConfigureAwait(false);
        active.RemoveAll(c => leftovers.Contains(c.CertificateId));

        var occupant = active.FirstOrDefault(c => c.RoleId == roleId && c.EntityId == entityId);
        if (occupant is not null && occupant.CertificateId != old.NetSuiteCertificateId)
        {
            return new RotationOutcome(RotationStatus.Failed, "plan", new NetSuiteError(
                NetSuiteErrorKind.InvalidRequest,
                $"Another certificate ({occupant.CertificateId}) is mapped to the app's role and entity in NetSuite, and it is not one this app made. Revoke it in NetSuite (Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials), then rotate again."));
        }

        var overlap = occupant is null;
        if (overlap && active.Count >= MaxActiveCertificates)
        {
            return new RotationOutcome(RotationStatus.Failed, "plan", new NetSuiteError(
                NetSuiteErrorKind.InvalidRequest,
                $"The integration already has {MaxActiveCertificates} active certificates in this account, NetSuite's limit. Revoke ones no longer used, then rotate again."));
        }

        var options = netSuiteOptions.Value;
        var material = keyFactory.Create(options.KeyAlgorithm, account.Value, TimeSpan.FromDays(options.CertificateValidityDays));
        var pending = await keys.AddPendingAsync(account, material, roleId, entityId, cancellationToken).ConfigureAwait(false);

        if (!overlap)
        {
            var revoked = await certificates.RevokeAsync(account, token.Value, old.NetSuiteCertificateId!, cancellationToken).ConfigureAwait(false);
            if (!revoked.IsSuccess && revoked.Error.Kind != NetSuiteErrorKind.NotFound)
            {
                await keys.RevokeAsync(pending.Id, cancellationToken).ConfigureAwait(false);
                return new RotationOutcome(RotationStatus.Failed, "revoke-old", revoked.Error);
            }
        }

        var uploaded = await certificates.UploadAsync(account, token.Value, material.CertificatePem, roleId, entityId, cancellationToken).ConfigureAwait(false);
        if (!uploaded.IsSuccess)
        {
            await keys.RevokeAsync(pending.Id, cancellationToken).ConfigureAwait(false);
            return Refused("upload", uploaded.Error);
        }

        await keys.MarkUploadedAsync(pending.Id, uploaded.Value.CertificateId, cancellationToken).ConfigureAwait(false);
        var proof = await ProveAsync(new MachineCredential(account, uploaded.Value.CertificateId, material.Algorithm, material.PrivateKeyPkcs8), cancellationToken).ConfigureAwait(false);
        if (proof is not null)
        {
            if (!overlap)
            {
                // The old certificate is already revoked: the new one is the only one that can work once NetSuite answers again.
                await keys.SwitchAsync(account, pending.Id, cancellationToken).ConfigureAwait(false);
                await keys.RevokeAsync(old.Id, cancellationToken).ConfigureAwait(false);
            }

            // With overlap the new key stays pending: the next rotation finds it among the leftovers and revokes it.
            return new RotationOutcome(RotationStatus.Failed, "prove", proof);
        }

        await keys.SwitchAsync(account, pending.Id, cancellationToken).ConfigureAwait(false);
        if (overlap)
        {
            var revoked = await certificates.RevokeAsync(account, token.Value, old.NetSuiteCertificateId!, cancellationToken).ConfigureAwait(false);
            if (!revoked.IsSuccess && revoked.Error.Kind != NetSuiteErrorKind.NotFound)
            {
                OldCertificateNotRevoked(logger, account, old.NetSuiteCertificateId!, revoked.Error.Said);
                return Rotated(uploaded.Value, old, overlap);
            }
        }

        await keys.RevokeAsync(old.Id, cancellationToken).ConfigureAwait(false);
        return Rotated(uploaded.Value, old, overlap);
    }

    private async Task<NetSuiteResult<BearerToken>> ManagementTokenAsync(TenantKey old, BearerToken? delegatedToken, CancellationToken cancellationToken)
    {
        if (delegatedToken is { } delegated)
        {
            return NetSuiteResult<BearerToken>.Success(delegated);
        }

        var credential = await keys.CredentialAsync(old, cancellationToken).ConfigureAwait(false);
        return credential is null
            ? new NetSuiteError(NetSuiteErrorKind.CertificateRejected, "The tenant's active key has no usable private key on this side.")
            : await tokens.GetAsync(credential with { UsedBy = KeyUser }, cancellationToken).ConfigureAwait(false);
    }

    // Keys of an interrupted rotation: revoke their certificates in NetSuite and erase them here.
    private async Task<HashSet<string>> RevokeLeftoversAsync(AccountId account, TenantKey current, IReadOnlyList<NetSuiteCertificate> active, BearerToken token, CancellationToken cancellationToken)
    {
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in await keys.LiveKeysAsync(account, cancellationToken).ConfigureAwait(false))
        {
            if (key.Id == current.Id || key.Status == TenantKeyStatus.Active)
            {
                continue;
            }

            if (key.NetSuiteCertificateId is { } id && active.Any(c => c.CertificateId == id))
            {
                var result = await certificates.RevokeAsync(account, token, id, cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess && result.Error.Kind != NetSuiteErrorKind.NotFound)
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

    private async Task<NetSuiteError?> ProveAsync(MachineCredential credential, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(credential with { UsedBy = KeyUser }, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return token.Error;
        }

        var probe = await suiteQl.QueryAsync(credential.Account, token.Value, healthOptions.Value.ProbeQuery, null, cancellationToken, limit: 1).ConfigureAwait(false);
        return probe.IsSuccess ? null : probe.Error;
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

    private static RotationOutcome Rotated(UploadedCertificate uploaded, TenantKey old, bool overlap) =>
        new(
            RotationStatus.Rotated,
            NewCertificateId: uploaded.CertificateId,
            ValidUntil: new DateTimeOffset(uploaded.ValidUntil.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            OldCertificateId: old.NetSuiteCertificateId,
            Overlapped: overlap);
}
