using System.Globalization;
using System.Text;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Bundles;

/// <summary>
/// <c>/app/bundler/bundledetails.nl?id=&lt;bundleId&gt;</c>: the bundle's details with an Install button; the form
/// POSTs to the same URL and installs the role, RESTlet deployment and custom record type.
/// </summary>
internal static class BundleEndpoints
{
    private const string Path = "/app/bundler/bundledetails.nl";

    public static void MapBundles(this RouteGroupBuilder account)
    {
        account.MapGet(Path, (HttpContext http) => Page(http, justInstalled: false));
        account.MapPost(Path, (HttpContext http, TimeProvider clock, ILogger<Account> logger) =>
        {
            var acct = http.Account();
            if (Find(http) is not { } bundle)
            {
                return HtmlPage.Error("Bundle not found", "There is no bundle with this id.", 404);
            }

            lock (acct.Gate)
            {
                acct.InstallBundle(bundle, clock.GetUtcNow());
            }

            Log.BundleInstalled(logger, acct.Id, bundle.Id);
            return Page(http, justInstalled: true);
        });
    }

    private static SeedBundle? Find(HttpContext http) =>
        int.TryParse(http.Request.Query["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? http.Account().Bundles.GetValueOrDefault(id)
            : null;

    private static IResult Page(HttpContext http, bool justInstalled)
    {
        var acct = http.Account();
        if (Find(http) is not { } bundle)
        {
            return HtmlPage.Error("Bundle not found", "There is no bundle with this id.", 404);
        }

        bool installed;
        lock (acct.Gate)
        {
            installed = acct.InstalledBundles.ContainsKey(bundle.Id);
        }

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlPage.Encode(bundle.Name)}</h1>");
        if (justInstalled)
        {
            html.Append("<p class=\"ok\">The bundle was installed. You can return to the chat and continue.</p>");
        }

        html.Append("<table>");
        foreach (var (label, value) in new[]
        {
            ("Bundle ID", bundle.Id.ToString(CultureInfo.InvariantCulture)),
            ("Version", bundle.Version),
            ("Publisher", bundle.Publisher),
            ("Account", $"{acct.CompanyName} ({acct.Id})"),
            ("Status", installed ? "Installed" : "Not installed"),
            ("Installs", $"Role {bundle.Role.ScriptId}, RESTlet {bundle.Restlet.ScriptId}, record type {bundle.CustomRecordType.ScriptId}"),
        })
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{HtmlPage.Encode(label)}</td><td>{HtmlPage.Encode(value)}</td></tr>");
        }

        html.Append("</table>");
        if (!installed)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<form method=\"post\" action=\"{HtmlPage.Encode($"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}")}\"><div class=\"actions\"><button class=\"primary\" type=\"submit\">Install</button></div></form>");
        }

        return HtmlPage.Render($"Bundle {bundle.Name}", html.ToString());
    }
}
