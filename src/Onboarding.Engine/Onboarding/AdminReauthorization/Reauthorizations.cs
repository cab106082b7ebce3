using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Language.Texts;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>
/// One-hour re-authorizations for staff actions that need an admin: the request (state hashed, verifier encrypted,
/// single use, 10-minute link, bound to the conversation and the account), its card, and — on NetSuite's redirect —
/// the purpose run with the admin's token, after which that token is revoked and erased. Every step is audited.
/// </summary>
public sealed class Reauthorizations(
    Database database,
    ReauthorizationStore store,
    AuthorizationRequestStore requests,
    AuditLog audit,
    INetSuiteAuthorization authorization,
    IEnumerable<IReauthorizationPurpose> purposes,
    ChatViews views,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider,
    ILogger<Reauthorizations> logger)
{
    private const string CallbackActor = "netsuite-callback";

    /// <summary>True when a purpose runner is registered (rotation comes with health monitoring).</summary>
    public bool Supports(ReauthorizationPurpose purpose) => purposes.Any(p => p.Purpose == purpose);

    /// <summary>Creates the request and posts its card in <paramref name="conversation"/>.</summary>
    public async Task<Reauthorization> RequestAsync(
        ConversationKey conversation,
        ChatUser requester,
        AccountId account,
        ReauthorizationPurpose purpose,
        IReadOnlyList<string> certificateIds,
        CancellationToken cancellationToken)
    {
        var runner = Runner(purpose);
        var now = timeProvider.GetUtcNow();
        var expiresAt = now + options.Value.AuthorizationLinkLifetime;
        var reauthorization = new Reauthorization(Reauthorization.NewId(), conversation, account, purpose, certificateIds, requester.Id, ReauthorizationStatus.Waiting, null, now);
        var start = authorization.BeginAuthorization(account);
        await StorageTransaction.WriteAsync(database, async write =>
        {
            await store.AddAsync(write, reauthorization, cancellationToken).ConfigureAwait(false);
            await requests.AddForReauthorizationAsync(write, reauthorization.Id, start.State, start.CodeVerifier, now, expiresAt, cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(write, new AuditEntry(requester.Id, account.Value, "reauthorization.requested", "ok", $"reauthorization {reauthorization.Id}, {purpose}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        await ShowAsync(reauthorization, w => ReauthorizationViews.Requested(w, reauthorization, runner.Describe(reauthorization), start.AuthorizeUrl, expiresAt, now), cancellationToken).ConfigureAwait(false);
        return reauthorization;
    }

    public Task<Reauthorization?> FindAsync(string id, CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(database, read => store.FindAsync(read, id, cancellationToken), cancellationToken);

    /// <summary>A fresh request for the same account and purpose (after a cancel, an expired link or a failure).</summary>
    public Task<Reauthorization> RenewAsync(Reauthorization previous, ChatUser requester, CancellationToken cancellationToken) =>
        RequestAsync(previous.Conversation, requester, previous.Account, previous.Purpose, previous.CertificateIds, cancellationToken);

    /// <summary>Cancels a waiting re-authorization: its link stops working. False when it had already moved on.</summary>
    public async Task<bool> CancelAsync(Reauthorization reauthorization, ChatUser user, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cancelled = false;
        await StorageTransaction.WriteAsync(database, async write =>
        {
            cancelled = await store.TryMoveAsync(write, reauthorization.Id, ReauthorizationStatus.Waiting, ReauthorizationStatus.Cancelled, "cancelled", now, cancellationToken).ConfigureAwait(false);
            if (cancelled)
            {
                await requests.CloseForReauthorizationAsync(write, reauthorization.Id, now, cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync(write, new AuditEntry(user.Id, reauthorization.Account.Value, "reauthorization.cancelled", "ok", $"reauthorization {reauthorization.Id}"), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (cancelled)
        {
            await ShowAsync(reauthorization, w => ReauthorizationViews.Cancelled(w, reauthorization), cancellationToken).ConfigureAwait(false);
        }

        return cancelled;
    }

    /// <summary>
    /// NetSuite's redirect for a re-authorization whose state <paramref name="consumed"/> already took (atomically, so
    /// a replay never gets here as valid): checks, exchanges the code, runs the purpose, revokes and erases the token.
    /// </summary>
    public async Task<AuthorizationCallbackResult> CompleteAsync(ConsumedAuthorization consumed, AuthorizationCallback callback, CancellationToken cancellationToken)
    {
        var reauthorization = await FindAsync(consumed.Reauthorization!, cancellationToken).ConfigureAwait(false);
        if (reauthorization is null || reauthorization.Status != ReauthorizationStatus.Waiting)
        {
            return Refused("re-authorization not waiting", nameof(Callback_ReauthorizationNotWaiting), nameof(Callback_SeeItsCard)) with { Conversation = reauthorization?.Conversation };
        }

        var runner = Runner(reauthorization.Purpose);
        var purpose = runner.Describe(reauthorization);
        if (consumed.Lookup == AuthorizationLookup.Expired)
        {
            var minutes = (int)options.Value.AuthorizationLinkLifetime.TotalMinutes;
            return await StopAsync(reauthorization, purpose, ReauthorizationStatus.Expired, Phrase.Of(nameof(Reauthorization_LinkExpired), minutes), cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(callback.Error))
        {
            return await StopAsync(reauthorization, purpose, ReauthorizationStatus.Failed, Phrase.Of(nameof(Reauthorization_NotGranted), callback.Error), cancellationToken).ConfigureAwait(false);
        }

        if (!AccountId.TryParse(callback.Company, out var company) || string.IsNullOrEmpty(callback.Code))
        {
            return await StopAsync(reauthorization, purpose, ReauthorizationStatus.Failed, Phrase.Of(nameof(Reauthorization_Incomplete)), cancellationToken).ConfigureAwait(false);
        }

        if (company != reauthorization.Account)
        {
            return await StopAsync(reauthorization, purpose, ReauthorizationStatus.Failed, Phrase.Of(nameof(Reauthorization_OtherAccount), company.Value, reauthorization.Account.Value), cancellationToken).ConfigureAwait(false);
        }

        var exchanged = await authorization.ExchangeCodeAsync(company, callback.Code, consumed.CodeVerifier!, cancellationToken).ConfigureAwait(false);
        if (!exchanged.IsSuccess)
        {
            return await StopAsync(reauthorization, purpose, ReauthorizationStatus.Failed, Phrase.Of(nameof(Reauthorization_NotCompleted), exchanged.Error.Explanation), cancellationToken).ConfigureAwait(false);
        }

        var tokens = exchanged.Value;
        if (!await TryStartAsync(reauthorization, tokens, callback, cancellationToken).ConfigureAwait(false))
        {
            await RevokeAsync(reauthorization, tokens).ConfigureAwait(false);
            return Refused("re-authorization moved during exchange", nameof(Callback_ReauthorizationChanged), nameof(Callback_SeeItsCard)) with { Conversation = reauthorization.Conversation };
        }

        await ShowAsync(reauthorization, w => ReauthorizationViews.Running(w, reauthorization, purpose), cancellationToken).ConfigureAwait(false);
        ReauthorizationResult result;
        var revoked = false;
        try
        {
            result = await runner.RunAsync(reauthorization, tokens.AccessToken, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The admin's access ends with the job, whichever way it ended.
            revoked = await RevokeAsync(reauthorization, tokens).ConfigureAwait(false);
        }

        await StorageTransaction.WriteAsync(database, async write =>
        {
            await store.TryMoveAsync(write, reauthorization.Id, ReauthorizationStatus.Running, result.Succeeded ? ReauthorizationStatus.Done : ReauthorizationStatus.Failed, Wording.English.Say(result.Summary), timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(write, new AuditEntry(CallbackActor, reauthorization.Account.Value, "reauthorization.completed", result.Succeeded ? "ok" : "failed", $"reauthorization {reauthorization.Id}, {reauthorization.Purpose}: {Wording.English.Say(result.Summary)}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        ReauthorizationFinished(logger, reauthorization.Account.Value, reauthorization.Purpose.ToString(), result.Succeeded);
        await ShowAsync(reauthorization, w => ReauthorizationViews.Finished(w, reauthorization, purpose, result, revoked), cancellationToken).ConfigureAwait(false);
        return new AuthorizationCallbackResult(
            result.Succeeded,
            Phrase.Of(result.Succeeded ? nameof(Callback_ReauthorizationDone) : nameof(Callback_ReauthorizationNotDone), purpose),
            Phrase.Of(nameof(Callback_ReauthorizationMessage), result.Summary, ReauthorizationViews.AccessEnd(revoked)))
        {
            Conversation = reauthorization.Conversation,
        };
    }

    private async Task<bool> TryStartAsync(Reauthorization reauthorization, DelegatedTokens tokens, AuthorizationCallback callback, CancellationToken cancellationToken)
    {
        var started = false;
        await StorageTransaction.WriteAsync(database, async write =>
        {
            started = await store.TryMoveAsync(write, reauthorization.Id, ReauthorizationStatus.Waiting, ReauthorizationStatus.Running, null, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (started)
            {
                if (tokens.RefreshToken is { } refresh)
                {
                    await store.SaveRefreshTokenAsync(write, reauthorization.Id, refresh, cancellationToken).ConfigureAwait(false);
                }

                await audit.AppendAsync(write, new AuditEntry(CallbackActor, reauthorization.Account.Value, "admin-token.received", "ok", $"reauthorization {reauthorization.Id}, role {callback.Role}, entity {callback.Entity}, until {tokens.ExpiresAt:O}"), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        return started;
    }

    // Revoking the refresh token ends its access tokens too; erasing happens even when NetSuite cannot be reached. Neither
    // listens to cancellation: a request abandoned mid-purpose must still not leave the admin's token behind. True only
    // when NetSuite confirmed the revocation.
    private async Task<bool> RevokeAsync(Reauthorization reauthorization, DelegatedTokens tokens)
    {
        var outcome = "erased";
        if (tokens.RefreshToken is { } refresh)
        {
            var revoked = await authorization.RevokeAsync(reauthorization.Account, refresh, CancellationToken.None).ConfigureAwait(false);
            outcome = revoked.IsSuccess ? "revoked" : "revoke-failed";
        }

        await StorageTransaction.WriteAsync(database, async write =>
        {
            await store.EraseRefreshTokenAsync(write, reauthorization.Id, CancellationToken.None).ConfigureAwait(false);
            await audit.AppendAsync(write, new AuditEntry(CallbackActor, reauthorization.Account.Value, "admin-token.revoked", outcome, $"reauthorization {reauthorization.Id}"), CancellationToken.None).ConfigureAwait(false);
        }, CancellationToken.None).ConfigureAwait(false);
        return outcome == "revoked";
    }

    private async Task<AuthorizationCallbackResult> StopAsync(Reauthorization reauthorization, Phrase purpose, ReauthorizationStatus status, Phrase reason, CancellationToken cancellationToken)
    {
        await StorageTransaction.WriteAsync(database, async write =>
        {
            var said = Wording.English.Say(reason);
            await store.TryMoveAsync(write, reauthorization.Id, ReauthorizationStatus.Waiting, status, said, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(write, new AuditEntry(CallbackActor, reauthorization.Account.Value, "reauthorization.stopped", status.ToString().ToLowerInvariant(), $"reauthorization {reauthorization.Id}: {said}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        CallbackRefused(logger, $"re-authorization {status}");
        await ShowAsync(reauthorization, w => ReauthorizationViews.Stopped(w, reauthorization, purpose, reason), cancellationToken).ConfigureAwait(false);
        return new AuthorizationCallbackResult(false, Phrase.Of(nameof(Callback_ReauthorizationStopped)), Phrase.Of(nameof(Callback_ReauthorizationStoppedMessage), reason))
        {
            Conversation = reauthorization.Conversation,
        };
    }

    private IReauthorizationPurpose Runner(ReauthorizationPurpose purpose) =>
        purposes.FirstOrDefault(p => p.Purpose == purpose)
            ?? throw new InvalidOperationException($"No runner is registered for the re-authorization purpose {purpose}.");

    private async Task ShowAsync(Reauthorization reauthorization, Func<Wording, Engine.Views.StepView> view, CancellationToken cancellationToken)
    {
        try
        {
            await views.ShowAsync(reauthorization.Conversation, view, ReauthorizationViews.Slot(reauthorization.Id), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ReauthorizationCardFailed(logger, reauthorization.Id, e);
        }
    }

    private AuthorizationCallbackResult Refused(string reason, string title, string message)
    {
        CallbackRefused(logger, reason);
        return new AuthorizationCallbackResult(false, Phrase.Of(title), Phrase.Of(message));
    }
}
