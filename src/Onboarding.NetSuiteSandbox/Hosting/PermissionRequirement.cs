using Onboarding.NetSuiteSandbox.Errors;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>Refuses with 403 when the bearer's role lacks a permission; runs after <see cref="BearerAuthentication"/>.</summary>
internal static class PermissionRequirement
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var account = http.Account();
            bool permitted;
            lock (account.Gate)
            {
                permitted = account.Roles.TryGetValue(http.Bearer().RoleId, out var role) && role.Has(permission);
            }

            return permitted
                ? await next(context)
                : NetSuiteErrors.Rest(403, RestErrorCodes.InsufficientPermission,
                    $"Permission Violation: You need the '{permission}' permission to access this page. Please contact your account administrator.");
        });
}
