using System.Globalization;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Governance;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Restlets;

/// <summary>
/// <c>restlet.nl?script=&amp;deploy=</c> (ids or script ids). The only deployable script is a bundle's check RESTlet,
/// present once its bundle is installed; it answers like <c>N/suiteAppInfo</c> in the shape of tests/Fixtures/bundle-check-response.json.
/// </summary>
internal static class RestletEndpoint
{
    public static void MapRestlets(this RouteGroupBuilder account) =>
        account.MapMethods("/app/site/hosting/restlet.nl", ["GET", "POST", "PUT", "DELETE"], async (HttpContext http) =>
            {
                var acct = http.Account();
                if (!acct.FeatureOn(AccountFeature.ServerSuiteScript, http.Rules()))
                {
                    // Undocumented shape; NetSuite's FEATURE_DISABLED code and wording, in the RESTlet error form.
                    return NetSuiteErrors.Restlet(400, "FEATURE_DISABLED", "The feature 'Server SuiteScript' required to access this page is not enabled in this account.");
                }

                SeedBundle? owner;
                Dictionary<int, BundleInstallation> installed;
                lock (acct.Gate)
                {
                    owner = acct.InstalledBundleWithRestlet(http.Request.Query["script"].ToString(), http.Request.Query["deploy"].ToString());
                    installed = new Dictionary<int, BundleInstallation>(acct.InstalledBundles);
                }

                if (owner is null)
                {
                    return NetSuiteErrors.Restlet(400, "SSS_INVALID_SCRIPTLET_ID", "That Suitelet is invalid, disabled, or no longer exists.");
                }

                var requested = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method)
                    ? http.Request.Query["bundleId"].ToString()
                    : (await JsonBody.ReadObjectAsync(http))?["bundleId"]?.ToString();
                if (!int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var bundleId) || bundleId <= 0)
                {
                    return NetSuiteErrors.Restlet(400, "INVALID_BUNDLE_ID", "bundleId must be a positive whole number, e.g. 500123.");
                }

                return Results.Json(BundleCheck(acct, bundleId, installed));
            })
            .WithConcurrencyLimit(Surface.Restlet)
            .RequireBearer(Surface.Restlet);

    private static JsonObject BundleCheck(Account acct, int bundleId, Dictionary<int, BundleInstallation> installed)
    {
        if (installed.TryGetValue(bundleId, out var installation) && acct.Bundles.TryGetValue(bundleId, out var bundle))
        {
            return new JsonObject
            {
                ["installed"] = true,
                ["bundleId"] = bundleId,
                ["name"] = bundle.Name,
                ["version"] = bundle.Version,
                ["dateInstalled"] = installation.DateInstalled.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["installedBy"] = new JsonObject { ["id"] = installation.InstalledById, ["name"] = installation.InstalledByName },
            };
        }

        return new JsonObject
        {
            ["installed"] = false,
            ["bundleId"] = bundleId,
            ["name"] = null,
            ["version"] = null,
            ["dateInstalled"] = null,
            ["installedBy"] = null,
        };
    }
}
