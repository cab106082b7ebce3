using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Security;
using Onboarding.Bot.Slack.Inbound;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Bot.Text;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Bot.Log;
using static Onboarding.Engine.Language.Texts;

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
        var w = Wording.For(BrowserLanguage.Of(http.Request));
        var cookie = http.Request.Cookies[SlackOAuthState.CookieName];
        http.Response.Cookies.Delete(SlackOAuthState.CookieName, new CookieOptions { Path = CallbackPath });
        if (!states.IsValid(query["state"], cookie))
        {
            SlackInstallRefused(logger, "state missing, expired or not from this browser");
            return Page(w, HttpStatusCode.BadRequest, w.Say(nameof(SlackInstall_Expired)));
        }

        // A state works once: recorded as used before its code is exchanged, so a replayed callback cannot exchange another.
        var firstUse = false;
        await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write => firstUse = await ProcessedDeliveries.TryRecordAsync(
            write, SlackOAuthState.UseScope, SlackOAuthState.UseId(cookie!), timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (!firstUse)
        {
            SlackInstallRefused(logger, "state already used");
            return Page(w, HttpStatusCode.BadRequest, w.Say(nameof(SlackInstall_Used)));
        }

        if (!string.IsNullOrEmpty(query["error"]))
        {
            SlackInstallRefused(logger, $"Slack returned {query["error"]}");
            return Page(w, HttpStatusCode.BadRequest, w.Say(nameof(SlackInstall_Denied)));
        }

        if (string.IsNullOrEmpty(query["code"]))
        {
            return Page(w, HttpStatusCode.BadRequest, w.Say(nameof(SlackInstall_NoCode)));
        }

        var exchanged = await api.ExchangeCodeAsync(settings.ClientId!, settings.ClientSecret!, query["code"]!, RedirectUri, cancellationToken)
            .ConfigureAwait(false);
        if (!exchanged.IsSuccess)
        {
            SlackInstallRefused(logger, $"oauth.v2.access said {exchanged.Error.Code}");
            return Page(w, HttpStatusCode.BadGateway, w.Say(nameof(SlackInstall_Refused), exchanged.Error.Code));
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
        return Page(w, HttpStatusCode.OK, w.Say(nameof(SlackInstall_Done), access.Team.Name ?? access.Team.Id));
    }

    /// <summary>Built from <c>Bot:PublicBaseUrl</c>, never from the request's Host header; must match the app's redirect URL.</summary>
    private Uri RedirectUri => new(bot.Value.PublicBaseUrl.TrimEnd('/') + CallbackPath, UriKind.Absolute);

    /// <summary>The install's outcome in the language the browser asks for (nothing else is known about the installer yet).</summary>
    private static IResult Page(Wording w, HttpStatusCode status, string message) => HtmlPage.Result(
        $"<!doctype html><html lang=\"{HtmlText.Encode(w.Language)}\"><head><meta charset=\"utf-8\"><title>{HtmlText.Encode(w.Say(nameof(SlackInstall_Title)))}</title></head><body><p>{HtmlText.Encode(message)}</p></body></html>",
        (int)status);
}
