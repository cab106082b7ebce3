using Microsoft.Extensions.Logging;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// The admin's temporary delegated access during an onboarding: hands out a live access token (refreshing it when it is
/// about to lapse, never past <see cref="OnboardingSession.AdminAccessUntil"/>, consent plus
/// <c>Onboarding:AdminAccessLifetime</c>) and ends the access — revoked at NetSuite, erased here — when the onboarding
/// finishes either way, or when <see cref="AdminAccessSweep"/> finds it past its deadline.
/// </summary>
public sealed class AdminAccess(
    Database database,
    OnboardingSessions sessions,
    DelegatedTokenStore tokens,
    INetSuiteAuthorization authorization,
    AuditLog audit,
    TimeProvider timeProvider,
    ILogger<AdminAccess> logger)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A usable admin access token, or an <see cref="NetSuiteErrorKind.InvalidLogin"/> failure coded
    /// <see cref="FlowCodes.AdminAccessEnded"/> when the access has ended: erased, or past its deadline. Each hand-out is
    /// audited (<c>admin-token.used</c>: who, for what), never the token.
    /// </summary>
    /// <param name="session">The onboarding whose admin access it is.</param>
    /// <param name="actor">Who the token is used for (a chat user id, or <c>system</c>).</param>
    /// <param name="purpose">What it is used for, for the audit log: "bundle check", "certificate upload", ….</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<NetSuiteResult<BearerToken>> AccessTokenAsync(OnboardingSession session, string actor, string purpose, CancellationToken cancellationToken)
    {
        var token = await CurrentTokenAsync(session, cancellationToken).ConfigureAwait(false);
        var used = new AuditEntry(actor, session.AccountText, "admin-token.used", token.IsSuccess ? "ok" : "ended", $"session {session.Id}, {purpose}");
        await StorageTransaction.WriteAsync(database, write => audit.AppendAsync(write, used, cancellationToken), cancellationToken).ConfigureAwait(false);
        return token;
    }

    private async Task<NetSuiteResult<BearerToken>> CurrentTokenAsync(OnboardingSession session, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (session.Account is not { } account || session.AdminAccessUntil is not { } deadline)
        {
            return Ended(null);
        }

        // The one-hour promise holds whatever NetSuite would still accept: past the deadline the token is not used.
        if (now >= deadline)
        {
            return Ended(deadline);
        }

        var current = await StorageTransaction.ReadAsync(database, read => tokens.FindAsync(read, session.Id, cancellationToken), cancellationToken).ConfigureAwait(false);

        if (current is null)
        {
            return Ended(session.AdminAccessEndedAt);
        }

        if (current.ExpiresAt - RefreshMargin > now)
        {
            return NetSuiteResult<BearerToken>.Success(current.AccessToken);
        }

        if (current.RefreshToken is not { } refreshToken)
        {
            return Ended(null);
        }

        var refreshed = await authorization.RefreshAsync(account, refreshToken, cancellationToken).ConfigureAwait(false);
        await StorageTransaction.WriteAsync(database, async write =>
        {
            if (refreshed.IsSuccess)
            {
                await tokens.SaveAsync(write, session.Id, account, refreshed.Value, now, cancellationToken).ConfigureAwait(false);
            }

            await audit.AppendAsync(write, new AuditEntry("system", account.Value, "admin-token.refreshed", refreshed.IsSuccess ? "ok" : "failed", $"session {session.Id}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return refreshed.IsSuccess ? NetSuiteResult<BearerToken>.Success(refreshed.Value.AccessToken) : refreshed.Error;
    }

    /// <summary>
    /// Revokes the session's refresh token (and with it its access tokens) at NetSuite and erases both here. Erasing
    /// happens even when NetSuite cannot be reached: the access token lapses within the hour on its own. Returns true only
    /// when NetSuite confirmed the revocation, so that nothing claims "revoked" otherwise (the session's
    /// <see cref="OnboardingSession.AdminAccessEndedAt"/> is set from it).
    /// </summary>
    public async Task<bool> EndAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        var current = await StorageTransaction.ReadAsync(database, read => tokens.FindAsync(read, session.Id, cancellationToken), cancellationToken).ConfigureAwait(false);

        if (current is null)
        {
            return false;
        }

        var outcome = "erased";
        if (session.Account is { } account && current.RefreshToken is { } refreshToken)
        {
            var revoked = await authorization.RevokeAsync(account, refreshToken, cancellationToken).ConfigureAwait(false);
            outcome = revoked.IsSuccess ? "revoked" : "revoke-failed";
            if (!revoked.IsSuccess)
            {
                AdminRevokeFailed(logger, session.Id.Value, revoked.Error.Code ?? revoked.Error.Kind.ToString());
            }
        }

        await StorageTransaction.WriteAsync(database, async write =>
        {
            await tokens.EraseAsync(write, session.Id, cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(write, new AuditEntry(actor, session.AccountText, "admin-token.revoked", outcome, $"session {session.Id}"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return outcome == "revoked";
    }

    /// <summary>
    /// Ends a finished (cancelled, failed for good) session's admin access and records when — only when NetSuite confirmed
    /// the revocation. Returns the session as it now stands: unchanged when nothing was confirmed or someone moved it meanwhile.
    /// </summary>
    public async Task<OnboardingSession> EndOfFinishedAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        if (!await EndAsync(session, actor, cancellationToken).ConfigureAwait(false))
        {
            return session;
        }

        var now = timeProvider.GetUtcNow();
        return await sessions.TryMoveAsync(session, s => s with { AdminAccessEndedAt = now }, actor, cancellationToken).ConfigureAwait(false) ?? session;
    }

    /// <summary>The moment a session's admin access ends: consent plus <c>Onboarding:AdminAccessLifetime</c>.</summary>
    public static DateTimeOffset DeadlineFrom(DateTimeOffset consentedAt, OnboardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return consentedAt + options.AdminAccessLifetime;
    }

    /// <summary>The failure a step gets when it needs admin access that ended at <paramref name="at"/>.</summary>
    public NetSuiteError EndedError(DateTimeOffset? at) => Ended(at);

    private NetSuiteError Ended(DateTimeOffset? at) => new(
        NetSuiteErrorKind.InvalidLogin,
        at is { } ended ? Phrase.Of(nameof(Failure_AdminAccessEndedAt), ended) : Phrase.Of(nameof(Failure_AdminAccessEnded)),
        Code: FlowCodes.AdminAccessEnded);
}
