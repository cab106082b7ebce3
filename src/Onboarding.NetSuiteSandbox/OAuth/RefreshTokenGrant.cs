using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Seed;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>
/// <c>grant_type=refresh_token</c> (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158082518856.html): confidential clients reuse one 7-day token; public clients
/// rotate one-time tokens, each valid <c>refreshTokenValidityHours</c>, the chain capped at <c>oit + maxRotationHours</c>.
/// </summary>
internal static class RefreshTokenGrant
{
    public static DateTimeOffset PublicRefreshExpiry(SeedIntegration client, DateTimeOffset chainStart, DateTimeOffset now)
    {
        var byValidity = now.AddHours(client.RefreshTokenValidityHours);
        var byRotation = chainStart.AddHours(client.MaxRotationHours);
        return byValidity < byRotation ? byValidity : byRotation;
    }

    public static IResult Handle(TokenContext context)
    {
        var (client, refusal) = ClientAuthentication.Authenticate(context);
        if (client is null)
        {
            return refusal!;
        }

        if (context.RefuseUnusable(client.ClientId) is { } unusable)
        {
            return unusable;
        }

        var value = context.Form["refresh_token"].ToString();
        if (value.Length == 0)
        {
            return context.Refuse(OAuthErrors.InvalidRequest, "InvalidRequest: refresh_token is required");
        }

        var account = context.Account;
        lock (account.Gate)
        {
            var token = Find(account, context.Issuer, value);
            if (token is null || token.Kind != TokenKind.Refresh || token.Revoked)
            {
                return context.Refuse(OAuthErrors.InvalidGrant, "InvalidGrant: unknown or revoked refresh token");
            }

            if (token.ClientId != client.ClientId)
            {
                return context.Refuse(OAuthErrors.InvalidGrant, "ClientIdMismatch");
            }

            if (token.ExpiresAt <= context.Now || (client.PublicClient && token.Used))
            {
                return context.Refuse(OAuthErrors.InvalidGrant, token.Used ? "InvalidGrant: refresh token already used" : "TokenExpired");
            }

            if (account.PrincipalRefusal(token.RoleId, token.EntityId, context.Options.Rules) is { } principal)
            {
                return context.Refuse(OAuthErrors.InvalidGrant, principal);
            }

            DateTimeOffset? newRefreshExpiry = null;
            if (client.PublicClient)
            {
                token.Used = true;
                newRefreshExpiry = PublicRefreshExpiry(client, token.ChainStart ?? context.Now, context.Now);
            }

            var (access, refresh, _) = context.Issuer.IssuePair(
                account, client, token.RoleId, token.EntityId, token.Scopes, context.Now, newRefreshExpiry, token.ChainStart, token.Jti);
            var body = new Dictionary<string, object?> { ["access_token"] = access };
            if (refresh is not null)
            {
                body["refresh_token"] = refresh;
            }

            body["expires_in"] = 3600;
            body["token_type"] = "bearer";
            return Results.Json(body);
        }
    }

    /// <summary>The record behind a token string the sandbox signed for this account, if any.</summary>
    public static IssuedToken? Find(Account account, TokenIssuer issuer, string value) =>
        Jws.TryParse(value, out var jws) && issuer.Verify(jws) && jws.ClaimString("jti") is { } jti
            ? account.Tokens.GetValueOrDefault(jti)
            : null;
}
