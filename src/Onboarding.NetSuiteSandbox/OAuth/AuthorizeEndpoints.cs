using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>
/// <c>authorize.nl</c> on an account and on <c>system</c>: GET validates and shows consent, POST (same URL plus
/// <c>decision</c>, <c>role</c> and on <c>system</c> <c>account</c>) redirects back with a code or an error.
/// </summary>
internal static class AuthorizeEndpoints
{
    private const string Path = "/app/login/oauth2/authorize.nl";

    public static void MapAuthorize(this IEndpointRouteBuilder app, RouteGroupBuilder account)
    {
        account.MapGet(Path, (HttpContext http) => Show(http, [http.Account()], askAccount: false));
        account.MapPost(Path, (Delegate)((HttpContext http) => DecideAsync(http, [http.Account()])));
        app.MapGet("/system" + Path, (HttpContext http, AccountRegistry registry) => Show(http, HoldersOfClient(http, registry), askAccount: true));
        app.MapPost("/system" + Path, (HttpContext http, AccountRegistry registry) => DecideAsync(http, HoldersOfClient(http, registry)));
    }

    private static IResult Show(HttpContext http, IReadOnlyList<Account> accounts, bool askAccount)
    {
        var request = AuthorizeRequest.From(http.Request.Query);
        if (Refusal(request, accounts, http.Options()) is { } refusal)
        {
            return refusal;
        }

        var client = accounts[0].Integrations[request.ClientId!];
        if (RedirectableError(request, client, askAccount ? null : accounts[0], http) is { } error)
        {
            return Redirect(request, error, accounts[0], null, null, null);
        }

        return ConsentPage.Render($"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", client, request.Scopes, accounts, askAccount);
    }

    private static async Task<IResult> DecideAsync(HttpContext http, IReadOnlyList<Account> accounts)
    {
        var request = AuthorizeRequest.From(http.Request.Query);
        if (Refusal(request, accounts, http.Options()) is { } refusal)
        {
            return refusal;
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        var chosen = form["account"].ToString();
        var account = chosen.Length > 0
            ? accounts.FirstOrDefault(a => string.Equals(a.Id, chosen, StringComparison.OrdinalIgnoreCase))
            : accounts.Count == 1 ? accounts[0] : null;

        if (account is null)
        {
            return HtmlPage.Error("Choose an account", "The chosen account does not hold this integration.");
        }

        var client = account.Integrations[request.ClientId!];
        if (RedirectableError(request, client, account, http) is { } error)
        {
            return Redirect(request, error, account, null, null, null);
        }

        var employee = account.Employees[account.SignedInEmployee];
        if (!int.TryParse(form["role"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var roleId) || !employee.Roles.Contains(roleId) || account.Roles.GetValueOrDefault(roleId) is not { Inactive: false })
        {
            return HtmlPage.Error("Choose a role", "The chosen role is not one of your roles in this account.");
        }

        var decision = form["decision"].ToString();
        if (decision == "deny")
        {
            return Redirect(request, OAuthErrors.AccessDenied, account, roleId, employee.Id, null);
        }

        if (decision != "allow")
        {
            return HtmlPage.Error("Allow or deny", "Send decision=allow or decision=deny.");
        }

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        lock (account.Gate)
        {
            account.Codes[code] = new AuthorizationCode
            {
                ClientId = client.ClientId,
                RedirectUri = request.RedirectUri!,
                CodeChallenge = request.CodeChallenge,
                RoleId = roleId,
                EntityId = employee.Id,
                Scopes = request.Scopes,
                ExpiresAt = now.AddSeconds(options.AuthorizationCodeLifetimeSeconds),
            };
        }

        return Redirect(request, null, account, roleId, employee.Id, code);
    }

    // Unknown client or a redirect URI not on the record: NetSuite shows an error page and never redirects
    // (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_158521823069.html).
    private static IResult? Refusal(AuthorizeRequest request, IReadOnlyList<Account> accounts, SandboxOptions options)
    {
        var client = accounts.Count > 0 && request.ClientId is not null ? accounts[0].Integrations.GetValueOrDefault(request.ClientId) : null;
        if (client is null)
        {
            return HtmlPage.Error("Invalid login attempt", "The integration is unknown or not enabled in this account.");
        }

        if (!request.RedirectsTo(client))
        {
            return HtmlPage.Error("Invalid redirect URI", "The redirect URI does not match the integration record.");
        }

        return request.HasAllowedScheme(options)
            ? null
            : HtmlPage.Error("Invalid redirect URI", "The http:// scheme isn't supported: redirect URIs must use https:// or a custom scheme.");
    }

    // A Blocked record, or OAuth 2.0 switched off, is reported with a redirect like the other step-one errors. Oracle
    // documents only the Login Audit Trail details (IntegrationBlocked, FeatureDisabled); unauthorized_client is the
    // sandbox's choice. With no account yet (the system domain before the user picks one) the check waits for the POST.
    private static string? RedirectableError(AuthorizeRequest request, SeedIntegration client, Account? account, HttpContext http) =>
        request.RedirectableError(client)
        ?? (account?.IntegrationRefusal(client.ClientId, http.Rules()) is not null ? OAuthErrors.UnauthorizedClient : null);

    private static IResult Redirect(AuthorizeRequest request, string? error, Account account, int? role, int? entity, string? code)
    {
        var target = request.RedirectUri!;
        if (request.HasValidState)
        {
            target = QueryHelpers.AddQueryString(target, "state", request.State!);
        }

        if (role is { } r && entity is { } e)
        {
            target = QueryHelpers.AddQueryString(target, "role", r.ToString(CultureInfo.InvariantCulture));
            target = QueryHelpers.AddQueryString(target, "entity", e.ToString(CultureInfo.InvariantCulture));
        }

        target = QueryHelpers.AddQueryString(target, "company", account.Id);
        target = QueryHelpers.AddQueryString(target, error is null ? "code" : "error", error ?? code!);
        return Results.Redirect(target);
    }

    private static List<Account> HoldersOfClient(HttpContext http, AccountRegistry registry)
    {
        var clientId = http.Request.Query["client_id"].ToString();
        return registry.All.Where(a => a.Integrations.ContainsKey(clientId)).ToList();
    }
}
