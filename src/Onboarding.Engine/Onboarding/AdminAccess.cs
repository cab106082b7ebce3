using Microsoft.Extensions.Logging;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// The admin's temporary delegated access during an onboarding: hands out a live access token (refreshing it when it is
/// about to lapse) and ends the access — revoked at NetSuite, erased here — when the onboarding finishes either way.
/// </summary>
public sealed class AdminAccess(
    Database database,
    DelegatedTokenStore tokens,
    INetSuiteAuthorization authorization,
    AuditLog audit,
    TimeProvider timeProvider,
    ILogger<AdminAccess> logger)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    /// <summary>A usable admin access token, or an <see cref="NetSuiteErrorKind.InvalidLogin"/> failure when the access has ended.</summary>
    public async Task<NetSuiteResult<BearerToken>> AccessTokenAsync(OnboardingSession session, CancellationToken cancellationToken)
    {
        if (session.Account is not { } account)
        {
            return Ended();
        }

        var current = await StorageTransaction.ReadAsync(database, read => tokens.FindAsync(read, session.Id, cancellationToken), cancellationToken).ConfigureAwait(false);

        if (current is null)
        {
            return Ended();
        }

        var now = timeProvider.GetUtcNow();
        if (current.ExpiresAt - RefreshMargin > now)
        {
            return NetSuiteResult<BearerToken>.Success(current.AccessToken);
        }

        if (current.RefreshToken is not { } refreshToken)
        {
            return Ended();
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
    /// happens even when NetSuite cannot be reached: the access token lapses within the hour on its own.
    /// </summary>
    public async Task EndAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        var current = await StorageTransaction.ReadAsync(database, read => tokens.FindAsync(read, session.Id, cancellationToken), cancellationToken).ConfigureAwait(false);

        if (current is null)
        {
            return;
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
    }

    private static NetSuiteError Ended() => new(
        NetSuiteErrorKind.InvalidLogin,
        "The one-hour admin access for this onboarding has ended.",
        Code: "admin_access_ended");
}
