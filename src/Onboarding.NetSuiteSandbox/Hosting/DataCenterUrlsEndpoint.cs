using Onboarding.NetSuiteSandbox.Accounts;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>
/// <c>GET {base}/rest/datacenterurls?account=X</c>, the sandbox's rest.netsuite.com (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/chapter_157011836591.html): a known
/// account's domains are its sandbox prefix; an unknown one gets NetSuite's default domains.
/// </summary>
internal static class DataCenterUrlsEndpoint
{
    public static void MapDataCenterUrls(this IEndpointRouteBuilder app) =>
        app.MapGet("/rest/datacenterurls", (HttpContext http, AccountRegistry registry) =>
        {
            var id = http.Request.Query["account"].ToString();
            if (id.Length == 0)
            {
                return Results.Text("USER_ERROR: You need to provide a proper value for the required field: account", "text/plain", statusCode: 400);
            }

            if (registry.Find(id) is not { } account)
            {
                return Results.Json(new
                {
                    webservicesDomain = "https://webservices.netsuite.com",
                    restDomain = "https://rest.netsuite.com",
                    systemDomain = "https://system.netsuite.com",
                });
            }

            var domain = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/{account.HostLabel}";
            return Results.Json(new { webservicesDomain = domain, restDomain = domain, systemDomain = domain });
        });
}
