using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>Collapses NetSuite's per-account hosts into a <c>/{hostLabel}</c> path prefix; unknown accounts get 404.</summary>
internal static class AccountRouting
{
    public const string RouteValue = "account";

    public static RouteGroupBuilder MapAccountGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup($"/{{{RouteValue}}}").AddEndpointFilter(async (context, next) =>
        {
            var label = context.HttpContext.GetRouteValue(RouteValue) as string ?? string.Empty;
            var account = context.HttpContext.RequestServices.GetRequiredService<AccountRegistry>().Find(label);
            if (account is null)
            {
                return NetSuiteErrors.Rest(404, RestErrorCodes.InvalidAccount, $"Account '{label}' does not exist.", locator: ("o:urlPath", context.HttpContext.Request.Path.Value ?? string.Empty));
            }

            context.HttpContext.Items[typeof(Account)] = account;
            return await next(context);
        });

    /// <summary>The account resolved for this request by the group filter.</summary>
    public static Account Account(this HttpContext context) =>
        context.Items[typeof(Account)] as Account ?? throw new InvalidOperationException("The endpoint is not mapped under the account group.");
}
