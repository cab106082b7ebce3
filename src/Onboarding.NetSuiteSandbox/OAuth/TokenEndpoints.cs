using Microsoft.Extensions.Options;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>Token, revoke and keys endpoints under <c>/services/rest/auth/oauth2/v1/</c>.</summary>
internal static class TokenEndpoints
{
    private const string Base = "/services/rest/auth/oauth2/v1";

    public static void MapTokenEndpoints(this RouteGroupBuilder account)
    {
        account.MapPost($"{Base}/token", async (HttpContext http) =>
        {
            if (await ContextAsync(http) is not { } context)
            {
                return NetSuiteErrors.OAuth(OAuthErrors.InvalidRequest, http.Account().Id);
            }

            return context.Form["grant_type"].ToString() switch
            {
                "authorization_code" => AuthorizationCodeGrant.Handle(context),
                "refresh_token" => RefreshTokenGrant.Handle(context),
                "client_credentials" => ClientCredentialsGrant.Handle(context),
                "" => context.Refuse(OAuthErrors.InvalidRequest, "InvalidGrantType: grant_type missing"),
                _ => context.Refuse(OAuthErrors.UnsupportedGrantType, "InvalidGrantType"),
            };
        });

        account.MapPost($"{Base}/revoke", async (HttpContext http) =>
        {
            if (await ContextAsync(http) is not { } context)
            {
                return NetSuiteErrors.OAuth(OAuthErrors.InvalidRequest, http.Account().Id);
            }

            var (client, refusal) = ClientAuthentication.Authenticate(context);
            if (client is null)
            {
                return refusal!;
            }

            if (context.Form["token"].ToString() is not { Length: > 0 } value)
            {
                return context.Refuse(OAuthErrors.InvalidRequest, "InvalidRequest: token is required");
            }

            var acct = context.Account;
            lock (acct.Gate)
            {
                // RFC 7009: an unknown token is not an error; revoking a refresh token revokes its access tokens.
                if (RefreshTokenGrant.Find(acct, context.Issuer, value) is { } token && token.ClientId == client.ClientId)
                {
                    token.Revoked = true;
                    foreach (var child in acct.Tokens.Values.Where(t => t.ParentJti == token.Jti))
                    {
                        child.Revoked = true;
                    }
                }
            }

            return Results.Ok();
        });

        account.MapGet($"{Base}/keys", (TokenSigner signer) => Results.Json(signer.KeySet()));
    }

    private static async Task<TokenContext?> ContextAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        var services = http.RequestServices;
        return new TokenContext(
            http,
            http.Account(),
            await http.Request.ReadFormAsync(http.RequestAborted),
            services.GetRequiredService<TokenIssuer>(),
            services.GetRequiredService<IOptions<SandboxOptions>>().Value,
            services.GetRequiredService<TimeProvider>().GetUtcNow(),
            services.GetRequiredService<ILogger<TokenIssuer>>());
    }
}
