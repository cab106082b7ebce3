using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Bot.Tests.Slack.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>Multi-workspace install through Slack's OAuth v2, with CSRF-protected state and encrypted per-team tokens.</summary>
public sealed class SlackInstallTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync(
        new RecordingCommandHandler(),
        new Dictionary<string, string?>
        {
            ["Slack:ClientId"] = "1234.5678",
            ["Slack:ClientSecret"] = "client-secret-value",
            ["Slack:AuthorizeUrl"] = "https://slack.example/oauth/v2/authorize",
            ["Bot:PublicBaseUrl"] = "https://bot.example",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Install_sends_the_browser_to_slacks_authorize_page_with_state_and_a_matching_cookie()
    {
        using var client = Browser();

        var response = await client.GetAsync("api/slack/install");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("https://slack.example/oauth/v2/authorize?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("1234.5678", query["client_id"]);
        Assert.Equal("https://bot.example/api/slack/oauth/callback", query["redirect_uri"]);
        Assert.Contains("chat:write", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        var cookie = SetCookie(response);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
    }

    [Fact]
    public async Task The_callback_stores_the_workspace_token_encrypted_and_publishing_uses_it()
    {
        using var client = Browser();
        var (state, cookie) = await StartInstallAsync(client);

        var callback = await CallbackAsync(client, $"code=code-from-slack&state={Uri.EscapeDataString(state)}", cookie);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("Installed in Installed Co", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exchange = Assert.Single(_host.Slack.Calls, c => c.Method == SlackWebApiClient.OAuthAccessMethod);
        Assert.Equal("code-from-slack", exchange.Form["code"]);
        Assert.Equal("1234.5678", exchange.Form["client_id"]);
        Assert.Equal("https://bot.example/api/slack/oauth/callback", exchange.Form["redirect_uri"]);

        var publisher = _host.Services.GetRequiredService<IChatPublisher>();
        await publisher.PublishAsync(new ConversationKey("slack", "T0INSTALLED", "C0THERE"), new StepView("Hello", "Hello"), null, CancellationToken.None);
        Assert.Equal("xoxb-installed-token", _host.Slack.Calls.Single(c => c.Method == SlackWebApiClient.PostMessageMethod).BearerToken);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var raw = await File.ReadAllBytesAsync(_host.Host.DatabasePath);
        Assert.Equal(-1, raw.AsSpan().IndexOf("xoxb-installed-token"u8));
    }

    [Fact]
    public async Task A_callback_from_another_browser_is_refused()
    {
        using var client = Browser();
        var (state, _) = await StartInstallAsync(client);

        var callback = await CallbackAsync(client, $"code=code-from-slack&state={Uri.EscapeDataString(state)}", cookie: null);

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Method == SlackWebApiClient.OAuthAccessMethod);
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_and_its_code_is_exchanged_only_once()
    {
        using var client = Browser();
        var (state, cookie) = await StartInstallAsync(client);
        var query = $"code=code-from-slack&state={Uri.EscapeDataString(state)}";

        var first = await CallbackAsync(client, query, cookie);
        var replay = await CallbackAsync(client, query, cookie);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_host.Slack.Calls, c => c.Method == SlackWebApiClient.OAuthAccessMethod);
    }

    [Fact]
    public async Task Install_pages_and_the_install_redirect_are_never_cached_and_load_nothing()
    {
        using var client = Browser();
        var install = await client.GetAsync("api/slack/install");
        var (state, cookie) = await StartInstallAsync(client);
        var page = await CallbackAsync(client, $"code=code-from-slack&state={Uri.EscapeDataString(state)}", cookie);
        var refused = await CallbackAsync(client, "code=x&state=forged", cookie);

        foreach (var response in new[] { install, page, refused })
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal(
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        }
    }

    [Fact]
    public async Task A_forged_state_is_refused()
    {
        using var client = Browser();
        var (_, cookie) = await StartInstallAsync(client);

        var callback = await CallbackAsync(client, $"code=code-from-slack&state={cookie}", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Method == SlackWebApiClient.OAuthAccessMethod);
    }

    [Fact]
    public async Task A_refused_code_exchange_shows_what_to_do_and_stores_nothing()
    {
        using var client = Browser();
        var (state, cookie) = await StartInstallAsync(client);
        _host.Slack.EnqueueError(SlackWebApiClient.OAuthAccessMethod, "invalid_code");

        var callback = await CallbackAsync(client, $"code=used-code&state={Uri.EscapeDataString(state)}", cookie);

        Assert.Equal(HttpStatusCode.BadGateway, callback.StatusCode);
        Assert.Contains("invalid_code", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await _host.Services.GetRequiredService<SlackInstallationStore>().FindBotTokenAsync("T0INSTALLED", CancellationToken.None));
    }

    [Fact]
    public async Task Uninstalling_erases_the_workspace_token()
    {
        using var client = Browser();
        var (state, cookie) = await StartInstallAsync(client);
        await CallbackAsync(client, $"code=c&state={Uri.EscapeDataString(state)}", cookie);
        var uninstalled = SlackPayloads.Envelope("Ev-uninstall", new System.Text.Json.Nodes.JsonObject { ["type"] = "app_uninstalled" });
        uninstalled["team_id"] = "T0INSTALLED";

        var response = await _host.Requests.PostEventAsync(uninstalled);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await _host.Services.GetRequiredService<SlackInstallationStore>().FindBotTokenAsync("T0INSTALLED", CancellationToken.None));
    }

    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.Host.BaseAddress };

    private static async Task<(string State, string Cookie)> StartInstallAsync(HttpClient client)
    {
        var response = await client.GetAsync("api/slack/install");
        var state = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
        return (state, SetCookie(response).Value.ToString());
    }

    private static async Task<HttpResponseMessage> CallbackAsync(HttpClient client, string query, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/slack/oauth/callback?{query}");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{SlackOAuthState.CookieName}={cookie}");
        }

        return await client.SendAsync(request);
    }

    private static SetCookieHeaderValue SetCookie(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList([.. response.Headers.GetValues("Set-Cookie")]).Single(c => c.Name == SlackOAuthState.CookieName);
}
