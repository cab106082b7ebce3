using System.Text;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Storage;

/// <summary>The admin's delegated (authorization-code) tokens of a session, encrypted at rest and erased when access ends.</summary>
public sealed class DelegatedTokenStore(ISecretProtector protector)
{
    private const string AccessPurpose = "delegated-token.access";
    private const string RefreshPurpose = "delegated-token.refresh";

    public Task SaveAsync(StorageTransaction transaction, SessionId session, AccountId account, DelegatedTokens tokens, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO delegated_tokens (session_id, account_id, protected_access_token, protected_refresh_token, expires_at, updated_at)
            VALUES (@session, @account, @access, @refresh, @expires, @now)
            ON CONFLICT (session_id) DO UPDATE SET account_id = excluded.account_id, protected_access_token = excluded.protected_access_token,
                protected_refresh_token = excluded.protected_refresh_token, expires_at = excluded.expires_at, updated_at = excluded.updated_at
            """,
            new
            {
                session = session.Value,
                account = account.Value,
                access = protector.Protect(AccessPurpose, Encoding.UTF8.GetBytes(tokens.AccessToken.Value)),
                refresh = tokens.RefreshToken is { } r ? protector.Protect(RefreshPurpose, Encoding.UTF8.GetBytes(r.Value)) : null,
                expires = StoredTime.Format(tokens.ExpiresAt),
                now = StoredTime.Format(now),
            },
            cancellationToken);

    public async Task<DelegatedTokens?> FindAsync(StorageTransaction transaction, SessionId session, CancellationToken cancellationToken)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<TokenRow>(
            "SELECT protected_access_token AS Access, protected_refresh_token AS Refresh, expires_at AS ExpiresAt FROM delegated_tokens WHERE session_id = @session",
            new { session = session.Value },
            cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var access = new BearerToken(Encoding.UTF8.GetString(protector.Unprotect(AccessPurpose, row.Access)));
        BearerToken? refresh = row.Refresh is null ? null : new BearerToken(Encoding.UTF8.GetString(protector.Unprotect(RefreshPurpose, row.Refresh)));
        return new DelegatedTokens(access, refresh, StoredTime.Parse(row.ExpiresAt));
    }

    /// <summary>The sessions that still hold admin tokens, for the sweep that ends admin access at its deadline.</summary>
    public async Task<IReadOnlyList<SessionId>> HoldersAsync(StorageTransaction transaction, CancellationToken cancellationToken) =>
        [.. (await transaction.QueryAsync<string>("SELECT session_id FROM delegated_tokens", null, cancellationToken).ConfigureAwait(false)).Select(SessionId.Parse)];

    public Task EraseAsync(StorageTransaction transaction, SessionId session, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("DELETE FROM delegated_tokens WHERE session_id = @session", new { session = session.Value }, cancellationToken);

    private sealed class TokenRow
    {
        public string Access { get; set; } = "";
        public string? Refresh { get; set; }
        public string ExpiresAt { get; set; } = "";
    }
}
