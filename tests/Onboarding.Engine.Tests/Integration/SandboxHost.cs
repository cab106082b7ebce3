using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Web;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Tests.TestDoubles;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Engine.Tests.Integration;

/// <summary>
/// A fresh in-process NetSuite sandbox on 127.0.0.1 plus the engine's clients pointed at it, and the browser steps an
/// admin would take on the consent page. Disposing stops both.
/// </summary>
public sealed partial class SandboxHost : IAsyncDisposable
{
    public const string AccountText = "1234567_SB1";
    public const long AppRoleId = 1001;
    public const long AdminRoleId = 3;
    public const long AdminEntityId = 7;

    private SandboxHost(SandboxServer server, NetSuiteTestHost clients)
    {
        Server = server;
        Clients = clients;
    }

    public static AccountId Account { get; } = AccountId.Parse(AccountText);

    public SandboxServer Server { get; }

    public NetSuiteTestHost Clients { get; }

    /// <summary>Plays the admin's browser: no cookies, no automatic redirects, so the callback can be read.</summary>
    public HttpClient Browser { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public static async Task<SandboxHost> StartAsync(Func<DelegatingHandler>? observer = null)
    {
        var server = await SandboxServer.StartAsync(options =>
        {
            options.EnableTestControl = true;
            options.AllowLoopbackHttpRedirects = true;
        });
        var root = server.BaseAddress.AbsoluteUri.TrimEnd('/');
        var clients = new NetSuiteTestHost(
            primaryHandler: null,
            new Dictionary<string, string?>
            {
                ["NetSuite:AppBaseUrl"] = root + "/{account}",
                ["NetSuite:SuiteTalkBaseUrl"] = root + "/{account}",
                ["NetSuite:RestletsBaseUrl"] = root + "/{account}",
                ["NetSuite:SystemBaseUrl"] = root + "/system",
            },
            fakeTime: false,
            observer);
        return new SandboxHost(server, clients);
    }

    /// <summary>Opens the authorize link, picks a role (and account, on the system domain) and allows; returns the callback's query.</summary>
    public async Task<Callback> ConsentAsync(Uri authorizeUrl, long roleId = AdminRoleId, string decision = "allow")
    {
        var page = await Browser.GetStringAsync(authorizeUrl);
        var action = HttpUtility.HtmlDecode(FormAction().Match(page).Groups["action"].Value);
        var form = new Dictionary<string, string> { ["role"] = roleId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = decision };
        if (page.Contains("name=\"account\"", StringComparison.Ordinal))
        {
            form["account"] = AccountText;
        }

        using var response = await Browser.PostAsync(new Uri(authorizeUrl, action), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Callback(HttpUtility.ParseQueryString(response.Headers.Location!.Query));
    }

    /// <summary>Injects a fault through the sandbox's test control API.</summary>
    public async Task InjectFaultAsync(string pathPattern, int status, string? errorCode, int count)
    {
        using var response = await Browser.PostAsJsonAsync(new Uri(Server.BaseAddress, "_sandbox/faults"), new { pathPattern, status, errorCode, count });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The faults still waiting to fire, as the sandbox lists them (JSON).</summary>
    public Task<string> PendingFaultsAsync() => Browser.GetStringAsync(new Uri(Server.BaseAddress, "_sandbox/faults"));

    public async Task ControlAsync(string relativePath)
    {
        using var response = await Browser.PostAsync(new Uri(Server.BaseAddress, "_sandbox/" + relativePath), JsonContent.Create(new { }));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        Clients.Dispose();
        await Server.DisposeAsync();
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*)\"")]
    private static partial Regex FormAction();
}

/// <summary>The redirect NetSuite sends back to the app.</summary>
public sealed record Callback(System.Collections.Specialized.NameValueCollection Query)
{
    public string? Code => Query["code"];

    public string? State => Query["state"];

    public string? Company => Query["company"];

    public string? Error => Query["error"];
}
