using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Kit;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Step 3: the tenant's own machine access. Each sub-step is persisted before the next starts, so a retry resumes:
/// find the bundle role's id and check the mapped entity holds it (admin token), generate and store the key (encrypted,
/// before any upload), upload the certificate — or adopt the one a crashed attempt already uploaded — then mint a
/// client-credentials token and run the connection probe. Certificates the new one replaces (connecting an account again)
/// are revoked once it works.
/// </summary>
public sealed class MachineAccessStep(
    Database database,
    OnboardingSessions sessions,
    AdminAccess adminAccess,
    TenantKeyStore keys,
    TenantStore tenants,
    AuditLog audit,
    AuditedMachineTokens auditedTokens,
    IKeyMaterialFactory keyFactory,
    CertificateUpload certificateUpload,
    AccountDirectory directory,
    ConnectionProbe probe,
    OnboardingCertificateRevocation replaced,
    StepFailures failures,
    OnboardingCards cards,
    IOptions<OnboardingOptions> options,
    IOptions<NetSuiteOptions> netSuiteOptions,
    TimeProvider timeProvider)
{
    /// <summary>Runs the step on a session claimed at BundleVerified or EstablishingMachineAccess; returns it at MachineAccessVerified, or null when it stopped.</summary>
    public async Task<OnboardingSession?> RunAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        var account = session.Account!.Value;
        var token = await adminAccess.AccessTokenAsync(session, actor, "certificate upload", cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return await failures.StopAsync(session, StepFailure.FromAdminAccess(token.Error), actor, cancellationToken).ConfigureAwait(false);
        }

        if (session.AppRoleId is null || session.Step != OnboardingStep.EstablishingMachineAccess)
        {
            var role = await FindRoleAsync(account, token.Value, cancellationToken).ConfigureAwait(false);
            if (role.Failure is not null)
            {
                return await failures.StopAsync(session, role.Failure, actor, cancellationToken).ConfigureAwait(false);
            }

            var entity = options.Value.FixedEntityId ?? session.AuthorizedEntityId!.Value;
            if (await EntityFailureAsync(account, token.Value, entity, role.Id, role.Name, cancellationToken).ConfigureAwait(false) is { } entityFailure)
            {
                return await failures.StopAsync(session, entityFailure, actor, cancellationToken).ConfigureAwait(false);
            }

            var found = await MoveAsync(session, s => s with { Step = OnboardingStep.EstablishingMachineAccess, AppRoleId = role.Id, AppRoleName = role.Name, MappedEntityId = entity }, actor, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return null;
            }

            session = found;
        }

        var (keyed, key) = await EnsureKeyAsync(session, actor, cancellationToken).ConfigureAwait(false);
        if (keyed is null || key is null)
        {
            return null;
        }

        session = keyed;

        if (key.NetSuiteCertificateId is null)
        {
            var upload = await certificateUpload.RunAsync(session.Account!.Value, key, token.Value, actor, cancellationToken).ConfigureAwait(false);
            if (upload.Failure is not null)
            {
                return await failures.StopAsync(session, upload.Failure, actor, cancellationToken).ConfigureAwait(false);
            }

            key = upload.Key!;
            var uploaded = await MoveAsync(session, s => s, actor, cancellationToken).ConfigureAwait(false);
            if (uploaded is null)
            {
                return null;
            }

            session = uploaded;
        }

        return await TestConnectionAsync(session, key, actor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(long Id, string? Name, StepFailure? Failure)> FindRoleAsync(AccountId account, BearerToken token, CancellationToken cancellationToken)
    {
        var result = await directory.FindAppRoleAsync(account, token, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return (0, null, StepFailure.From(result.Error));
        }

        if (result.Value is not { } role)
        {
            return (0, null, new StepFailure(
                FlowCodes.RoleNotFound,
                Phrase.Of(nameof(Failure_RoleNotFound), options.Value.RoleScriptId),
                Phrase.Of(nameof(Failure_RoleNotFoundToDo))));
        }

        return (role.Id, role.Name, null);
    }

    /// <summary>
    /// NetSuite maps a certificate to an entity and a role, and the entity must hold that role (docs/netsuite.md, C7). The
    /// app never edits employee records: when the role is missing, the card says exactly what the admin changes.
    /// </summary>
    private async Task<StepFailure?> EntityFailureAsync(AccountId account, BearerToken token, long entityId, long roleId, string? roleName, CancellationToken cancellationToken)
    {
        var found = await directory.FindEmployeeAsync(account, token, entityId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return StepFailure.From(found.Error);
        }

        if (found.Value is not { } employee)
        {
            return new StepFailure(
                FlowCodes.EntityNotFound,
                Phrase.Of(nameof(Failure_EntityNotFound), entityId, account.Value),
                Phrase.Of(nameof(Failure_EntityNotFoundToDo)));
        }

        if (employee.Holds(roleId))
        {
            return null;
        }

        var role = roleName ?? options.Value.RoleScriptId;
        object name = employee.Name is { } known ? known : Phrase.Of(nameof(Card_Employee), entityId);
        return new StepFailure(
            FlowCodes.EntityLacksRole,
            Phrase.Of(nameof(Failure_EntityLacksRole), employee.Display, role),
            Phrase.Of(nameof(Failure_EntityLacksRoleToDo), name, role));
    }

    /// <summary>The session's key: the one stored by an earlier attempt, or a new one stored (encrypted) before any upload.</summary>
    private async Task<(OnboardingSession? Session, TenantKey? Key)> EnsureKeyAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        if (await StorageTransaction.ReadAsync(database, read => keys.FindForSessionAsync(read, session.Id, cancellationToken), cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (session, existing);
        }

        var settings = netSuiteOptions.Value;
        var material = keyFactory.Create(settings.KeyAlgorithm, session.AccountText!, TimeSpan.FromDays(settings.CertificateValidityDays));
        TenantKey? key = null;
        var moved = await MoveAsync(session, s => s, actor, cancellationToken, async (tx, s) =>
        {
            key = await keys.AddPendingAsync(tx, s.Account!.Value, s.Id, material, s.AppRoleId!.Value, s.MappedEntityId!.Value, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(tx, new AuditEntry(actor, s.AccountText, "key.generated", "ok", $"key {key.Id} {material.Algorithm}"), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        Array.Clear(material.PrivateKeyPkcs8);
        return (moved, key);
    }

    private async Task<OnboardingSession?> TestConnectionAsync(OnboardingSession session, TenantKey key, string actor, CancellationToken cancellationToken)
    {
        var account = session.Account!.Value;
        var credential = await StorageTransaction.ReadAsync(database, read => keys.CredentialForAsync(read, key, cancellationToken), cancellationToken).ConfigureAwait(false);

        if (credential is null)
        {
            throw new InvalidOperationException($"Key {key.Id} of {account} has no certificate id or private key.");
        }

        var minted = await auditedTokens.GetAsync(credential, actor, fresh: true, cancellationToken).ConfigureAwait(false);
        if (!minted.IsSuccess)
        {
            return await failures.StopAsync(session, MachineFailure(minted.Error), actor, cancellationToken).ConfigureAwait(false);
        }

        var probed = await probe.RunAsync(account, minted.Value, cancellationToken).ConfigureAwait(false);
        if (!probed.IsSuccess)
        {
            return await failures.StopAsync(session, MachineFailure(probed.Error), actor, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = (long)probed.Value.TotalMilliseconds;

        var now = timeProvider.GetUtcNow();
        var verified = await MoveAsync(
            session,
            s => s with { Step = OnboardingStep.MachineAccessVerified, ConnectionTestMilliseconds = elapsed },
            actor,
            cancellationToken,
            (tx, s) => tenants.UpsertAsync(tx, new Tenant(account, TenantStatus.Onboarding) { AppRoleId = s.AppRoleId, AppRoleName = s.AppRoleName, EntityId = s.MappedEntityId }, now, cancellationToken)).ConfigureAwait(false);
        if (verified is not null)
        {
            // Connecting an account again: the certificates this one replaces go, while the admin's token can still revoke them.
            await replaced.RetireOthersAsync(verified, key, actor, cancellationToken).ConfigureAwait(false);
        }

        return verified;
    }

    /// <summary>
    /// A failure of the app's own token. A refused sign-in here is the certificate's, not the admin's: signing in again
    /// would not help, so it gets its own code whose actions are Retry and Replace certificate.
    /// </summary>
    internal static StepFailure MachineFailure(NetSuiteError error) =>
        error.Kind is NetSuiteErrorKind.InvalidLogin or NetSuiteErrorKind.InvalidGrant or NetSuiteErrorKind.CertificateRejected
            ? new StepFailure(
                FlowCodes.MachineTokenRefused,
                Phrase.Of(nameof(Failure_MachineRefused), error.Explanation),
                Phrase.Of(nameof(Failure_MachineRefusedToDo)),
                error.Said)
            : StepFailure.From(error);

    /// <summary>A running transition (lease renewed) followed by a card update showing the new sub-step.</summary>
    private async Task<OnboardingSession?> MoveAsync(
        OnboardingSession session,
        Func<OnboardingSession, OnboardingSession> change,
        string actor,
        CancellationToken cancellationToken,
        Func<StorageTransaction, OnboardingSession, Task>? alsoWrite = null)
    {
        var moved = await sessions.TryMoveAsync(session, s => change(s) with { Status = SessionStatus.Running }, actor, cancellationToken, alsoWrite).ConfigureAwait(false);
        if (moved is not null)
        {
            await cards.PublishAsync(moved, cancellationToken).ConfigureAwait(false);
        }

        return moved;
    }
}
