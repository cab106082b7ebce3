using System.Net;
using System.Text.RegularExpressions;
using System.Web;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// The customer admin's browser: opens the card's links in the sandbox, answers its consent and install forms, and
/// follows NetSuite's redirect to the bot's OAuth callback over HTTP. No cookies, no automatic redirects.
/// </summary>
public sealed partial class AdminBrowser(Uri botBaseAddress) : IDisposable
{
    public const string AdministratorRole = "3";

    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>Opens the authorize link, posts the consent form and returns where NetSuite redirects to.</summary>
    public async Task<Uri> ConsentAsync(Uri authorizeLink, string decision = "allow", string role = AdministratorRole)
    {
        var page = await _client.GetStringAsync(authorizeLink);
        var action = HttpUtility.HtmlDecode(FormAction().Match(page).Groups["action"].Value);
        var form = new Dictionary<string, string> { ["decision"] = decision, ["role"] = role };
        if (page.Contains("name=\"account\"", StringComparison.Ordinal))
        {
            form["account"] = "1234567_SB1";
        }

        using var response = await _client.PostAsync(new Uri(authorizeLink, action), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>
    /// Follows a redirect to the bot's callback. The redirect names the public base URL registered on the sandbox's demo
    /// integration (http://localhost:3978); the host under test listens on a random port, so the path and query go there.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Page, HttpResponseMessage Response)> FollowToBotAsync(Uri redirect)
    {
        Assert.Equal("/oauth/netsuite/callback", redirect.AbsolutePath);
        return await OpenBotAsync(redirect.PathAndQuery);
    }

    /// <summary>GETs a path (with query) on the bot host, as a browser would.</summary>
    public async Task<(HttpStatusCode Status, string Page, HttpResponseMessage Response)> OpenBotAsync(string pathAndQuery)
    {
        var response = await _client.GetAsync(new Uri(botBaseAddress, pathAndQuery.TrimStart('/')));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Opens the bundle install page and presses Install (the form posts back to the same address).</summary>
    public async Task InstallBundleAsync(Uri installPage)
    {
        (await _client.GetAsync(installPage)).EnsureSuccessStatusCode();
        using var response = await _client.PostAsync(installPage, new FormUrlEncodedContent([]));
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*)\"")]
    private static partial Regex FormAction();
}
