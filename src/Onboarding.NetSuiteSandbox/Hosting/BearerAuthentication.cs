using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>
/// Validates <c>Authorization: Bearer</c> on REST and RESTlet calls
/// (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_158521885412.html). A refused token gets 401
/// whatever the reason; the reason, named as the Login Audit Trail names it
/// (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_158324637123.html), goes to the log only.
/// </summary>
internal static class BearerAuthentication
{
    public static TBuilder RequireBearer<TBuilder>(this TBuilder builder, Surface surface)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var account = http.Account();
            var restlet = surface == Surface.Restlet;
            var header = http.Request.Headers.Authorization.ToString();
            if (header.Length > 0 && !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return NetSuiteErrors.MalformedAuthorization(account.Id, restlet);
            }

            var services = http.RequestServices;
            var (token, refusal) = Validate(header.Length > 0 ? header["Bearer ".Length..].Trim() : null, account, surface, http.Rules(),
                services.GetRequiredService<TokenSigner>(), services.GetRequiredService<TimeProvider>());
            if (token is null)
            {
                Log.BearerRefused(services.GetRequiredService<ILogger<TokenSigner>>(), account.Id, http.Request.Path, refusal);
                return restlet ? NetSuiteErrors.RestletInvalidLogin(account.Id) : NetSuiteErrors.RestInvalidLogin(account.Id);
            }

            // "Roles with the Web Services Only restriction don't work with RESTlets": such calls get INVALID_LOGIN_CREDENTIALS.
            // https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/chapter_1529417663.html
            if (restlet && http.Rules().WebServicesOnlyRoles && IsWebServicesOnly(account, token.RoleId))
            {
                Log.BearerRefused(services.GetRequiredService<ILogger<TokenSigner>>(), account.Id, http.Request.Path, "WebServicesOnlyRole");
                return NetSuiteErrors.RestletWebServicesOnly(account.Id);
            }

            http.Items[typeof(IssuedToken)] = token;
            return await next(context);
        });

    /// <summary>The token that authenticated this request.</summary>
    public static IssuedToken Bearer(this HttpContext context) =>
        context.Items[typeof(IssuedToken)] as IssuedToken ?? throw new InvalidOperationException("The endpoint does not require a bearer.");

    private static bool IsWebServicesOnly(Account account, int roleId)
    {
        lock (account.Gate)
        {
            return account.Roles.TryGetValue(roleId, out var role) && role.WebServicesOnly;
        }
    }

    private static (IssuedToken? Token, string Refusal) Validate(
        string? value, Account account, Surface surface, SandboxRules rules, TokenSigner signer, TimeProvider clock)
    {
        if (!Jws.TryParse(value, out var jws) || !signer.Verify(jws) || jws.ClaimString("jti") is not { } jti)
        {
            return (null, "InvalidSignature");
        }

        IssuedToken? token;
        lock (account.Gate)
        {
            token = account.Tokens.GetValueOrDefault(jti);
        }

        var refusal = token switch
        {
            null => "InvalidSignature: not a token of this account",
            { Kind: not TokenKind.Access } => "TokenRejected",
            { Revoked: true } => "TokenRevoked",
            _ when token.ExpiresAt <= clock.GetUtcNow() => "AccessTokenExpired",
            _ when !token.Scopes.Contains(surface == Surface.Rest ? "rest_webservices" : "restlets", StringComparer.Ordinal) => "ScopeMismatched",
            _ when surface == Surface.Rest && !account.FeatureOn(AccountFeature.RestWebServices, rules) => "FeatureDisabled",
            _ => account.IntegrationRefusal(token.ClientId, rules) ?? account.PrincipalRefusal(token.RoleId, token.EntityId, rules),
        };
        return refusal is null ? (token, string.Empty) : (null, refusal);
    }
}
