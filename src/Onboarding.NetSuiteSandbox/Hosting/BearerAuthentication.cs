using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>Validates <c>Authorization: Bearer</c> on REST and RESTlet calls (facts §2.9, checklist 9).</summary>
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
            var token = Validate(header.Length > 0 ? header["Bearer ".Length..].Trim() : null, account, surface,
                services.GetRequiredService<TokenSigner>(), services.GetRequiredService<TimeProvider>());
            if (token is null)
            {
                Log.BearerRefused(services.GetRequiredService<ILogger<TokenSigner>>(), account.Id, http.Request.Path);
                return restlet ? NetSuiteErrors.RestletInvalidLogin(account.Id) : NetSuiteErrors.RestInvalidLogin(account.Id);
            }

            http.Items[typeof(IssuedToken)] = token;
            return await next(context);
        });

    /// <summary>The token that authenticated this request.</summary>
    public static IssuedToken Bearer(this HttpContext context) =>
        context.Items[typeof(IssuedToken)] as IssuedToken ?? throw new InvalidOperationException("The endpoint does not require a bearer.");

    private static IssuedToken? Validate(string? value, Account account, Surface surface, TokenSigner signer, TimeProvider clock)
    {
        if (!Jws.TryParse(value, out var jws) || !signer.Verify(jws) || jws.ClaimString("jti") is not { } jti)
        {
            return null;
        }

        var scope = surface == Surface.Rest ? "rest_webservices" : "restlets";
        lock (account.Gate)
        {
            return account.Tokens.TryGetValue(jti, out var token)
                && token.Kind == TokenKind.Access
                && !token.Revoked
                && token.ExpiresAt > clock.GetUtcNow()
                && token.Scopes.Contains(scope, StringComparer.Ordinal)
                && account.Roles.TryGetValue(token.RoleId, out var role)
                && role.Has(Permissions.OAuth2Login)
                && account.Employees.TryGetValue(token.EntityId, out var employee)
                && !employee.Inactive
                ? token
                : null;
        }
    }
}
