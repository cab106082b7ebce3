using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Language.Texts;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Step 1's second half: NetSuite's redirect. The state is consumed atomically (a replay finds it used), expiry and the
/// expected account are checked, the code is exchanged once, the tokens stored encrypted, and the chat card moves on.
/// </summary>
public sealed class AuthorizationCallbackHandler(
    Database database,
    OnboardingSessions sessions,
    AuthorizationRequestStore requests,
    DelegatedTokenStore tokens,
    TenantStore tenants,
    AuditLog audit,
    INetSuiteAuthorization authorization,
    AuthorizerNames names,
    Reauthorizations reauthorizations,
    StepFailures failures,
    PreflightStep preflight,
    OnboardingCards cards,
    OnboardingNotices notices,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider,
    ILogger<AuthorizationCallbackHandler> logger) : IAuthorizationCallbackHandler
{
    private const string Actor = "netsuite-callback";

    public async Task<AuthorizationCallbackResult> HandleAsync(AuthorizationCallback callback, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(callback.State))
        {
            return Refused("no state", nameof(Callback_NoState), nameof(Callback_NoStateMessage));
        }

        // The state is consumed and, for an onboarding waiting for this sign-in, its step taken in one transaction: from
        // here on the session runs under a lease, so a process that stops before the sign-in's outcome is saved leaves it
        // to the resumer, which gives the card a fresh link (the verifier of this one is gone with the state).
        ConsumedAuthorization consumed;
        OnboardingSession? claimed = null;
        await using (var transaction = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false))
        {
            consumed = await requests.ConsumeAsync(transaction, callback.State, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (consumed is { Lookup: AuthorizationLookup.Valid, Session: { } id })
            {
                claimed = await sessions.TryClaimSignInAsync(transaction, id, Actor, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        switch (consumed.Lookup)
        {
            case AuthorizationLookup.Unknown:
                return Refused("unknown state", nameof(Callback_UnknownState), nameof(Callback_UnknownStateMessage));
            case AuthorizationLookup.AlreadyUsed:
                return Refused("replayed state", nameof(Callback_Replayed), nameof(Callback_ReplayedMessage));
        }

        // One callback endpoint for every authorization request: a re-authorization's runs its own purpose.
        if (consumed.Reauthorization is not null)
        {
            return await reauthorizations.CompleteAsync(consumed, callback, cancellationToken).ConfigureAwait(false);
        }

        var session = consumed.Lookup == AuthorizationLookup.Expired
            ? await sessions.FindAsync(consumed.Session!.Value, cancellationToken).ConfigureAwait(false) is { Step: OnboardingStep.AwaitingAuthorization, Status: SessionStatus.Waiting } waiting ? waiting : null
            : claimed;
        if (session is null)
        {
            return Refused("session not waiting", nameof(Callback_NotWaiting), nameof(Callback_SeeCard));
        }

        if (consumed.Lookup == AuthorizationLookup.Expired)
        {
            var minutes = (int)options.Value.AuthorizationLinkLifetime.TotalMinutes;
            return await FailAsync(
                session,
                new StepFailure(FlowCodes.AuthorizationExpired, Phrase.Of(nameof(Failure_LinkExpired), minutes), Phrase.Of(nameof(Failure_LinkExpiredToDo))),
                nameof(Callback_Expired),
                cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(callback.Error))
        {
            var failure = callback.Error == "access_denied"
                ? new StepFailure(FlowCodes.AuthorizationDenied, Phrase.Of(nameof(Failure_Denied)), Phrase.Of(nameof(Failure_DeniedToDo)), callback.Error)
                : new StepFailure(FlowCodes.AuthorizationDenied, Phrase.Of(nameof(Failure_SignInRefused), callback.ErrorDescription ?? callback.Error), Phrase.Of(nameof(Failure_SignInRefusedToDo)), callback.Error);
            return await FailAsync(session, failure, nameof(Callback_NotGranted), cancellationToken).ConfigureAwait(false);
        }

        if (!AccountId.TryParse(callback.Company, out var company)
            || !long.TryParse(callback.Role, out var roleId)
            || !long.TryParse(callback.Entity, out var entityId)
            || string.IsNullOrEmpty(callback.Code))
        {
            return await FailAsync(
                session,
                new StepFailure("invalid_callback", Phrase.Of(nameof(Failure_Incomplete)), Phrase.Of(nameof(Failure_IncompleteToDo))),
                nameof(Callback_Incomplete),
                cancellationToken).ConfigureAwait(false);
        }

        if (session.AccountExpected && session.Account != company)
        {
            return await FailAsync(
                session,
                new StepFailure(FlowCodes.AccountMismatch, Phrase.Of(nameof(Failure_AccountMismatch), company.Value, session.AccountText!), Phrase.Of(nameof(Failure_AccountMismatchToDo), session.AccountText!, company.Value)),
                nameof(Callback_OtherAccount),
                cancellationToken).ConfigureAwait(false);
        }

        // The redirect's company is only a claim until NetSuite exchanges the code at that account's own token endpoint:
        // nothing is said about the account (connected, being onboarded) before then.
        var exchanged = await authorization.ExchangeCodeAsync(company, callback.Code, consumed.CodeVerifier!, cancellationToken).ConfigureAwait(false);
        if (!exchanged.IsSuccess)
        {
            return await FailAsync(session, StepFailure.From(exchanged.Error), nameof(Callback_NotCompleted), cancellationToken).ConfigureAwait(false);
        }

        return await AcceptAsync(session, company, roleId, entityId, exchanged.Value, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthorizationCallbackResult> AcceptAsync(OnboardingSession session, AccountId company, long roleId, long entityId, DelegatedTokens delegated, CancellationToken cancellationToken)
    {
        // A connected account is only onboarded again on purpose: staff pressed Connect again (after a sandbox refresh).
        var tenant = await StorageTransaction.ReadAsync(database, read => tenants.FindAsync(read, company, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (tenant?.Status == TenantStatus.Connected && !session.Reconnect)
        {
            await RevokeUnusedAsync(company, delegated, cancellationToken).ConfigureAwait(false);
            return await FailAsync(
                session,
                new StepFailure(FlowCodes.AlreadyConnected, Phrase.Of(nameof(Failure_AlreadyConnected), company.Value), Phrase.Of(nameof(Failure_AlreadyConnectedToDo), company.Value)),
                nameof(Callback_AlreadyConnected),
                cancellationToken,
                retryable: false).ConfigureAwait(false);
        }

        var (roleName, personName) = await names.FindAsync(company, delegated.AccessToken, roleId, entityId, cancellationToken).ConfigureAwait(false);
        OnboardingSession? authorized;
        try
        {
            // Becoming authorized is what makes a session hold its account; a unique index lets one hold it at a time.
            authorized = await TryAuthorizeAsync(session, company, roleId, entityId, roleName, personName, delegated, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenOnboardingExistsException)
        {
            await RevokeUnusedAsync(company, delegated, cancellationToken).ConfigureAwait(false);
            return await FailAsync(
                session,
                new StepFailure(FlowCodes.AccountBusy, Phrase.Of(nameof(Failure_AccountBusy), company.Value), Phrase.Of(nameof(Failure_AccountBusyToDo))),
                nameof(Callback_AccountBusy),
                cancellationToken,
                retryable: false).ConfigureAwait(false);
        }

        if (authorized is null)
        {
            // Cancelled while the code was being exchanged: the tokens must not outlive that.
            await RevokeUnusedAsync(company, delegated, cancellationToken).ConfigureAwait(false);
            return Refused("session moved during exchange", nameof(Callback_Changed), nameof(Callback_SeeCard)) with { Conversation = session.Conversation };
        }

        // Before anything changes in NetSuite: can the chosen role do what the next steps need?
        await cards.PublishAsync(authorized, cancellationToken).ConfigureAwait(false);
        var waiting = await preflight.RunAsync(authorized, Actor, cancellationToken).ConfigureAwait(false);
        if (waiting is null)
        {
            var current = await sessions.FindAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return current?.Failure is { } failure
                ? new AuthorizationCallbackResult(false, Phrase.Of(nameof(Callback_CannotGoOn)), Phrase.Of(nameof(Callback_FailedMessage), failure.Reason)) { Conversation = session.Conversation }
                : Refused("session moved during pre-flight", nameof(Callback_Changed), nameof(Callback_SeeCard)) with { Conversation = session.Conversation };
        }

        await cards.NotifyAsync(waiting, w => notices.AuthorizationReceived(w, waiting), cancellationToken).ConfigureAwait(false);
        return new AuthorizationCallbackResult(
            true,
            Phrase.Of(nameof(Callback_Authorized), options.Value.AppName),
            Phrase.Of(nameof(Callback_AuthorizedMessage), company.Value, waiting.AdminAccessUntil!.Value))
        {
            Conversation = session.Conversation,
        };
    }

    private Task<OnboardingSession?> TryAuthorizeAsync(
        OnboardingSession session,
        AccountId company,
        long roleId,
        long entityId,
        string? roleName,
        string? personName,
        DelegatedTokens delegated,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var deadline = AdminAccess.DeadlineFrom(now, options.Value);
        return sessions.TryMoveAsync(
            session,
            s => s with
            {
                Account = company,
                Step = OnboardingStep.Authorized,
                Status = SessionStatus.Running,
                AuthorizedRoleId = roleId,
                AuthorizedRoleName = roleName,
                AuthorizedEntityId = entityId,
                AuthorizedByName = personName,
                AuthorizedAt = now,
                AdminAccessUntil = deadline,
                AdminAccessEndedAt = null,
            },
            Actor,
            cancellationToken,
            async (tx, s) =>
            {
                await tokens.SaveAsync(tx, s.Id, company, delegated, now, cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync(tx, new AuditEntry(Actor, company.Value, "admin-token.received", "ok", $"session {s.Id}, role {roleId}, entity {entityId}, until {deadline:O}"), cancellationToken).ConfigureAwait(false);
                await tenants.UpsertAsync(tx, new Tenant(company, TenantStatus.Onboarding), now, cancellationToken).ConfigureAwait(false);
            });
    }

    private async Task RevokeUnusedAsync(AccountId company, DelegatedTokens delegated, CancellationToken cancellationToken)
    {
        if (delegated.RefreshToken is { } unused)
        {
            await authorization.RevokeAsync(company, unused, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AuthorizationCallbackResult> FailAsync(OnboardingSession session, StepFailure failure, string title, CancellationToken cancellationToken, bool retryable = true)
    {
        CallbackRefused(logger, failure.Code);
        await failures.FailAsync(session, failure, Actor, cancellationToken, retryable).ConfigureAwait(false);
        return new AuthorizationCallbackResult(false, Phrase.Of(title), Phrase.Of(nameof(Callback_FailedMessage), failure.Reason)) { Conversation = session.Conversation };
    }

    private AuthorizationCallbackResult Refused(string reason, string title, string message)
    {
        CallbackRefused(logger, reason);
        return new AuthorizationCallbackResult(false, Phrase.Of(title), Phrase.Of(message));
    }
}
