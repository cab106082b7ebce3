using Microsoft.Extensions.Options;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Hosting;

namespace Onboarding.NetSuiteSandbox.Governance;

/// <summary>Per-account limit of in-flight REST and RESTlet requests (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_1559222360.html).</summary>
internal static class ConcurrencyGate
{
    public static TBuilder WithConcurrencyLimit<TBuilder>(this TBuilder builder, Surface surface)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var account = context.HttpContext.Account();
            bool admitted;
            lock (account.Gate)
            {
                admitted = account.InFlight < account.ConcurrencyLimit;
                if (admitted)
                {
                    account.InFlight++;
                }
            }

            if (!admitted)
            {
                var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value;
                if (options.SendRetryAfter)
                {
                    context.HttpContext.Response.Headers.RetryAfter = "1";
                }

                return surface == Surface.Rest
                    ? NetSuiteErrors.RestConcurrency()
                    : NetSuiteErrors.Restlet(options.RestletConcurrencyStatus, "SSS_REQUEST_LIMIT_EXCEEDED", RestErrorCodes.ConcurrencyDetail);
            }

            try
            {
                return await next(context);
            }
            finally
            {
                lock (account.Gate)
                {
                    account.InFlight--;
                }
            }
        });
}
