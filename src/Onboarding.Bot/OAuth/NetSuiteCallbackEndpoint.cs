using Onboarding.Bot.Text;
using Onboarding.Engine.Language;
using Onboarding.Engine.Onboarding;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Bot.OAuth;

/// <summary>
/// <c>GET /oauth/netsuite/callback</c>: NetSuite's redirect after the admin's consent. The engine completes step 1 and
/// moves the onboarding card on in the chat (proactively, from the stored conversation reference); the browser gets a
/// short page saying what happened and what to do — in the language and time zone of the conversation the sign-in was
/// started from, else in the language the browser asks for (docs/languages.md).
/// </summary>
public static class NetSuiteCallbackEndpoint
{
    public const string Path = "/oauth/netsuite/callback";

    /// <summary>Request logs would show the callback's query, which carries the authorization code: keep them at warnings.</summary>
    public static IHostApplicationBuilder AddNetSuiteOAuth(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }

    public static IEndpointRouteBuilder MapNetSuiteOAuth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, HandleAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IAuthorizationCallbackHandler handler,
        ConversationLocales locales,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(NetSuiteCallbackEndpoint));
        var (callback, refusal) = CallbackQuery.Read(request);
        if (callback is null)
        {
            Log.OAuthCallbackRefused(logger, refusal!);
            var browser = Wording.For(BrowserLanguage.Of(request));
            return CallbackPage.Render(
                browser,
                succeeded: false,
                browser.Say(nameof(Callback_Malformed)),
                browser.Say(nameof(Callback_MalformedMessage)),
                browser.Say(nameof(Callback_MalformedNext)));
        }

        var result = await handler.HandleAsync(callback, cancellationToken).ConfigureAwait(false);
        Log.OAuthCallbackAnswered(logger, result.Succeeded ? "authorized" : Wording.English.Say(result.Title));
        var told = result.Conversation is { } conversation
            ? await locales.FindAsync(conversation, cancellationToken).ConfigureAwait(false)
            : new ChannelLocale(null, null);
        var w = Wording.For(told.Locale ?? BrowserLanguage.Of(request), told.TimeZone);
        return CallbackPage.Render(
            w,
            result.Succeeded,
            w.Say(result.Title),
            w.Say(result.Message),
            w.Say(result.Succeeded ? nameof(Callback_NextAuthorized) : nameof(Callback_NextProblem)));
    }
}
