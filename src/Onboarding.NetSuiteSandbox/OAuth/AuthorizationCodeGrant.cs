using Onboarding.NetSuiteSandbox.Errors;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary><c>grant_type=authorization_code</c> (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081952044.html).</summary>
internal static class AuthorizationCodeGrant
{
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

        var codeValue = context.Form["code"].ToString();
        var redirectUri = context.Form["redirect_uri"].ToString();
        if (codeValue.Length == 0 || redirectUri.Length == 0)
        {
            return context.Refuse(OAuthErrors.InvalidRequest, "InvalidRequest: code and redirect_uri are required");
        }

        var account = context.Account;
        lock (account.Gate)
        {
            if (!account.Codes.TryGetValue(codeValue, out var code))
            {
                return context.Refuse(OAuthErrors.InvalidGrant, "InvalidGrant: unknown code");
            }

            if (code.Used)
            {
                // RFC 6749 §4.1.2: a replayed code revokes what it already produced.
                foreach (var id in code.IssuedTokenIds)
                {
                    account.Tokens[id].Revoked = true;
                }

                return context.Refuse(OAuthErrors.InvalidGrant, "InvalidGrant: code already used");
            }

            code.Used = true;
            if (code.ExpiresAt <= context.Now)
            {
                return context.Refuse(OAuthErrors.InvalidGrant, "InvalidGrant: code expired");
            }

            if (code.ClientId != client.ClientId)
            {
                return context.Refuse(OAuthErrors.InvalidGrant, "ClientIdMismatch");
            }

            if (code.RedirectUri != redirectUri)
            {
                return context.Refuse(OAuthErrors.InvalidGrant, "InvalidGrant: redirect_uri differs from step one");
            }

            if (code.CodeChallenge is not null && !Pkce.Verifies(context.Form["code_verifier"], code.CodeChallenge))
            {
                return context.Refuse(OAuthErrors.InvalidGrant, "InvalidGrant: PKCE verifier mismatch");
            }

            var chainStart = client.PublicClient ? context.Now : (DateTimeOffset?)null;
            var refreshExpiry = client.PublicClient
                ? RefreshTokenGrant.PublicRefreshExpiry(client, context.Now, context.Now)
                : context.Now + TokenIssuer.ConfidentialRefreshLifetime;
            var (access, refresh, ids) = context.Issuer.IssuePair(account, client, code.RoleId, code.EntityId, code.Scopes, context.Now, refreshExpiry, chainStart, null);
            code.IssuedTokenIds.AddRange(ids);
            account.InstalledIntegrations.Add(client.ClientId);
            return Results.Json(new Dictionary<string, object?>
            {
                ["access_token"] = access,
                ["refresh_token"] = refresh,
                ["expires_in"] = context.Options.ExpiresInAsString ? "3600" : 3600,
                ["token_type"] = "bearer",
            });
        }
    }
}
