using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>
/// <c>grant_type=client_credentials</c> with a JWT client assertion, verified as
/// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162790605110.html describes.
/// Refusals carry the Login Audit Trail name of the reason in the log.
/// </summary>
internal static class ClientCredentialsGrant
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private const string TokenPath = "/services/rest/auth/oauth2/v1/token";
    private static readonly string[] Algorithms = ["PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    public static IResult Handle(TokenContext context)
    {
        var form = context.Form;
        if (form["client_assertion_type"] != AssertionType || context.Http.Request.Headers.Authorization.Count > 0 || form["client_id"].Count > 0)
        {
            return context.Refuse(OAuthErrors.InvalidRequest, "InvalidRequest: client_assertion_type must be the jwt-bearer URN, with no other client authentication");
        }

        if (!Jws.TryParse(form["client_assertion"], out var assertion))
        {
            return context.Refuse(OAuthErrors.InvalidRequest, "InvalidRequest: client_assertion is not a JWT");
        }

        if (assertion.HeaderString("typ") != "JWT")
        {
            return context.Refuse(OAuthErrors.InvalidRequest, "InvalidTokenType");
        }

        if (!Algorithms.Contains(assertion.HeaderString("alg")))
        {
            return context.Refuse(OAuthErrors.InvalidRequest, "UnsupportedAlgo");
        }

        var account = context.Account;
        var client = assertion.ClaimString("iss") is { } iss ? account.Integrations.GetValueOrDefault(iss) : null;
        if (client is null)
        {
            return context.Refuse(context.Options.ServerErrorForUnknownIssuer ? OAuthErrors.ServerError : OAuthErrors.InvalidClient, "InvalidIssuer");
        }

        // "The Client Credentials (Machine to Machine) Grant doesn't support the use of public clients."
        // https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157771733782.html
        if (client.PublicClient && context.Options.Rules.ConfidentialClientCredentials)
        {
            return context.Refuse(OAuthErrors.UnauthorizedClient, "UnauthorizedClient: client credentials need a confidential integration record");
        }

        if (!client.ClientCredentialsGrant)
        {
            return context.Refuse(OAuthErrors.UnauthorizedClient, "UnauthorizedClient: the Client Credentials grant is not checked on the integration record");
        }

        if (context.RefuseUnusable(client.ClientId) is { } unusable)
        {
            return unusable;
        }

        if (assertion.HeaderString("kid") is not { Length: > 0 } kid)
        {
            return context.Refuse(OAuthErrors.InvalidClient, "MissingKeyId");
        }

        lock (account.Gate)
        {
            var mapping = account.Certificates.FirstOrDefault(c => c.CertificateId == kid && c.ClientId == client.ClientId);
            if (mapping is null)
            {
                return context.Refuse(OAuthErrors.InvalidClient, "MissingKey");
            }

            if (!mapping.IsActiveAt(context.Now))
            {
                return context.Refuse(OAuthErrors.InvalidClient, mapping.Revoked ? "TokenBlocked: certificate revoked" : "MissingKey: certificate not valid now");
            }

            if (!assertion.VerifySignature(mapping.PublicKey))
            {
                return context.Refuse(OAuthErrors.InvalidClient, "SignatureValidation");
            }

            if (!AudienceAccepted(assertion.Payload["aud"], context))
            {
                return context.Refuse(OAuthErrors.InvalidClient, "TokenNotAcceptable: aud is not this token endpoint");
            }

            if (assertion.ClaimNumber("iat") is not { } iat || assertion.ClaimNumber("exp") is not { } exp)
            {
                return context.Refuse(OAuthErrors.InvalidRequest, "InvalidRequest: iat and exp are required");
            }

            var now = context.Now.ToUnixTimeSeconds();
            if (exp - iat > context.Options.MaxAssertionLifetimeSeconds || exp <= iat)
            {
                return context.Refuse(OAuthErrors.InvalidClient, "TokenValidityTooBroad");
            }

            if (iat > now)
            {
                return context.Refuse(OAuthErrors.InvalidClient, "TokenNotAcceptable: issued in the future");
            }

            if (exp <= now)
            {
                return context.Refuse(OAuthErrors.InvalidClient, "TokenExpired");
            }

            var scopes = RequestedScopes(assertion.Payload["scope"]);
            if (scopes.Contains(Scopes.Mcp) || !Scopes.AreAllowed(scopes, client.Scopes))
            {
                return context.Refuse(OAuthErrors.InvalidScope, "ScopeMismatched");
            }

            if (account.PrincipalRefusal(mapping.RoleId, mapping.EntityId, context.Options.Rules) is { } principal)
            {
                return context.Refuse(OAuthErrors.InvalidClient, principal);
            }

            var (jwt, _) = context.Issuer.Issue(account, client, TokenKind.Access, mapping.RoleId, mapping.EntityId, scopes, context.Now,
                context.Now + TokenIssuer.AccessTokenLifetime, clientCredentials: true);
            return Results.Json(new Dictionary<string, object> { ["access_token"] = jwt, ["expires_in"] = 3600, ["token_type"] = "Bearer" });
        }
    }

    // The token URL as the client called it, plus NetSuite's own host forms for this account.
    private static bool AudienceAccepted(JsonNode? aud, TokenContext context)
    {
        var request = context.Http.Request;
        var accepted = new List<string>
        {
            $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}",
            $"https://{context.Account.HostLabel}.suitetalk.api.netsuite.com{TokenPath}",
        };
        if (context.Options.AcceptRestletsHostAudience)
        {
            accepted.Add($"https://{context.Account.HostLabel}.restlets.api.netsuite.com{TokenPath}");
        }

        var given = aud switch
        {
            JsonArray array => array.Select(a => a?.GetValue<string>()),
            JsonValue value when value.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
        return given.Any(g => g is not null && accepted.Contains(g, StringComparer.OrdinalIgnoreCase));
    }

    // NetSuite documents a comma-separated string and its own example sends an array; both are accepted.
    private static string[] RequestedScopes(JsonNode? scope) => scope switch
    {
        JsonArray array => array.Select(s => s is JsonValue v && v.TryGetValue<string>(out var text) ? text : string.Empty).ToArray(),
        JsonValue value when value.TryGetValue<string>(out var s) => Scopes.Split(s, allowCommas: true),
        _ => [],
    };
}
