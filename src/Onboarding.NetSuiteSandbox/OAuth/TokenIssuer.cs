using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Seed;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>Records and signs access and refresh tokens. Callers hold the account's lock.</summary>
internal sealed class TokenIssuer(TokenSigner signer)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan ConfidentialRefreshLifetime = TimeSpan.FromDays(7);

    public (string Jwt, IssuedToken Token) Issue(
        Account account, SeedIntegration client, TokenKind kind, int roleId, int entityId, IReadOnlyList<string> scopes,
        DateTimeOffset now, DateTimeOffset expiresAt, DateTimeOffset? chainStart = null, string? parentJti = null, bool clientCredentials = false)
    {
        var token = new IssuedToken
        {
            Jti = TokenSigner.NewJti(account, kind, now),
            Kind = kind,
            ClientId = client.ClientId,
            RoleId = roleId,
            EntityId = entityId,
            Scopes = scopes,
            ExpiresAt = expiresAt,
            ChainStart = chainStart,
            ParentJti = parentJti,
        };
        account.Tokens[token.Jti] = token;
        return (signer.Sign(account, token, client.ApplicationId, now, clientCredentials), token);
    }

    /// <summary>An access token and, for delegated grants, the refresh token it belongs to.</summary>
    public (string Access, string? Refresh, List<string> Ids) IssuePair(
        Account account, SeedIntegration client, int roleId, int entityId, IReadOnlyList<string> scopes, DateTimeOffset now,
        DateTimeOffset? refreshExpiresAt, DateTimeOffset? chainStart, string? existingRefreshJti)
    {
        string? refresh = null;
        var parent = existingRefreshJti;
        var ids = new List<string>();
        if (refreshExpiresAt is { } refreshExpiry)
        {
            var issued = Issue(account, client, TokenKind.Refresh, roleId, entityId, scopes, now, refreshExpiry, chainStart);
            refresh = issued.Jwt;
            parent = issued.Token.Jti;
            ids.Add(parent);
        }

        var access = Issue(account, client, TokenKind.Access, roleId, entityId, scopes, now, now + AccessTokenLifetime, chainStart, parent);
        ids.Add(access.Token.Jti);
        return (access.Jwt, refresh, ids);
    }

    public bool Verify(Jws jws) => signer.Verify(jws);
}
