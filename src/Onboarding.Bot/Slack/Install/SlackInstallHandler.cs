using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Security;
using Onboarding.Bot.Slack.Inbound;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Bot.Text;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Install;

/// <summary>
/// Multi-workspace install: <c>GET /api/slack/install</c> sends the installer to Slack's OAuth v2 authorize page;
/// <c>GET /api/slack/oauth/callback</c> checks the state (once: a used one is refused), exchanges the code and stores the
/// workspace's bot token encrypted.
/// </summary>
internal sealed class SlackInstallHandler(
    SlackOAuthState states,
    Database database,
    SlackWebApiClient api,
    SlackInstallationStore installations,
    IOptions<SlackOptions> options,
    IOptions<BotOptions> bot,
    TimeProvider timeProvider,
    ILogger<SlackInstallHandler> logger)
{
    public const string CallbackPath = $"{SlackChannelRegistration.BasePath}/oauth/callback";

    public IResult Start(HttpContext http)
    {
        var settings = options.Value;
        if (!settings.IsOAuthConfigured)
        {
            return Results.NotFound();
        }

        var (nonce, state) = states.Issue();
        HtmlPage.ApplyHeaders(http.Response);
        http.Response.Cookies.Append(SlackOAuthState.CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = RedirectUri.Scheme == Uri.UriSchemeHttps,
            // Lax: the cookie comes back on Slack's top-level redirect, but not on cross-site sub-requests.
            SameSite = SameSiteMode.Lax,
            Path = CallbackPath,
            MaxAge = SlackOAuthState.Lifetime,
        });
        var authorize = QueryHelpers.AddQueryString(settings.AuthorizeUrl.AbsoluteUri, new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = settings.Scopes,
            ["user_scope"] = string.Empty,
            ["redirect_uri"] = RedirectUri.AbsoluteUri,
            ["state"] = state,
        });
        return Results.Redirect(authorize);
    }

    public async Task<IResult> CallbackAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsOAuthConfigured)
        {
            return Results.NotFound();
        }

        var query = http.Request.Query;
        var cookie = http.Request.Cookies[SlackOAuthState.CookieName];
        http.Response.Cookies.Delete(SlackOAuthState.CookieName, new CookieOptions { Path = CallbackPath });
        if (!states.IsValid(query["state"], cookie))
        {
            SlackInstallRefused(logger, "state missing, expired or not from this browser");
            return Page(HttpStatusCode.BadRequest, "This install link has expired or was opened in another browser. Start again from the install page.");
        }

        // A state works once: recorded as used before its code is exchanged, so a replayed callback cannot exchange another.
        var firstUse = false;
        await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write => firstUse = await ProcessedDeliveries.TryRecordAsync(
            write, SlackOAuthState.UseScope, SlackOAuthState.UseId(cookie!), timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (!firstUse)
        {
            SlackInstallRefused(logger, "state already used");
            return Page(HttpStatusCode.BadRequest, "This install link was already used. Start again from the install page.");
        }

        if (!string.IsNullOrEmpty(query["error"]))
        {
            SlackInstallRefused(logger, $"Slack returned {query["error"]}");
            return Page(HttpStatusCode.BadRequest, "The app was not installed: the request was cancelled or denied in Slack. Start again when you are ready.");
        }

        if (string.IsNullOrEmpty(query["code"]))
        {
            return Page(HttpStatusCode.BadRequest, "Slack did not send an authorization code. Start the install again.");
        }

        var exchanged = await api.ExchangeCodeAsync(settings.ClientId!, settings.ClientSecret!, query["code"]!, RedirectUri, cancellationToken)
            .ConfigureAwait(false);
        if (!exchanged.IsSuccess)
        {
            SlackInstallRefused(logger, $"oauth.v2.access said {exchanged.Error.Code}");
            return Page(HttpStatusCode.BadGateway, $"Slack refused the install ({exchanged.Error.Code}). Start again; if it keeps failing, check the app's redirect URL and client secret.");
        }

        var access = exchanged.Value;
        var installation = new SlackInstallation(
            access.Team.Id,
            access.Team.Name,
            access.Enterprise?.Id,
            access.AppId,
            access.BotUserId,
            access.Scope,
            access.AuthedUser?.Id,
            timeProvider.GetUtcNow());
        await installations.SaveAsync(installation, new BearerToken(access.AccessToken), cancellationToken).ConfigureAwait(false);
        SlackAppInstalled(logger, access.Team.Id, access.AuthedUser?.Id ?? "unknown");
        return Page(HttpStatusCode.OK, $"Installed in {access.Team.Name ?? access.Team.Id}. You can close this tab and go back to Slack — mention the bot or use its slash command to start.");
    }

    /// <summary>Built from <c>Bot:PublicBaseUrl</c>, never from the request's Host header; must match the app's redirect URL.</summary>
    private Uri RedirectUri => new(bot.Value.PublicBaseUrl.TrimEnd('/') + CallbackPath, UriKind.Absolute);

    private static IResult Page(HttpStatusCode status, string message) => HtmlPage.Result(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Slack install</title></head><body><p>{HtmlText.Encode(message)}</p></body></html>",
        (int)status);
}
