using Onboarding.NetSuiteSandbox.Errors;

namespace Onboarding.NetSuiteSandbox.Governance;

/// <summary>Applies injected faults before a request reaches its endpoint; the answer takes the shape of the surface it hits.</summary>
internal static class FaultInjection
{
    public static IApplicationBuilder UseFaultInjection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            var fault = path.StartsWith("/_sandbox", StringComparison.Ordinal)
                ? null
                : context.RequestServices.GetRequiredService<FaultStore>().Take(context.Request);
            if (fault is null)
            {
                await next(context);
                return;
            }

            Log.FaultApplied(context.RequestServices.GetRequiredService<ILogger<FaultStore>>(), fault.Id, path);
            if (fault.LatencyMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs), context.RequestServices.GetRequiredService<TimeProvider>(), context.RequestAborted);
            }

            if (fault.Status is not { } status)
            {
                await next(context);
                return;
            }

            await Answer(path, status, fault.ErrorCode).ExecuteAsync(context);
        });

    private static IResult Answer(string path, int status, string? code)
    {
        if (path.Contains("/auth/oauth2/v1/token", StringComparison.OrdinalIgnoreCase) || path.Contains("/auth/oauth2/v1/revoke", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new { error = code ?? (status >= 500 ? OAuthErrors.ServerError : OAuthErrors.InvalidRequest) }, statusCode: status);
        }

        if (path.EndsWith("/restlet.nl", StringComparison.OrdinalIgnoreCase))
        {
            return NetSuiteErrors.Restlet(status, code ?? (status == 429 ? "SSS_REQUEST_LIMIT_EXCEEDED" : "UNEXPECTED_ERROR"), "Injected fault.");
        }

        return status == 429 && code is null
            ? NetSuiteErrors.RestConcurrency()
            : NetSuiteErrors.Rest(status, code ?? (status >= 500 ? RestErrorCodes.UnexpectedError : RestErrorCodes.InvalidRequest),
                status >= 500 ? "An unexpected error occurred. Error ID: sandboxinjectedfault" : "Injected fault.");
    }
}
