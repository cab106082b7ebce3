using Onboarding.Engine.Onboarding;

namespace Onboarding.Bot.OAuth;

/// <summary>
/// <c>GET /oauth/netsuite/callback</c>: NetSuite's redirect after the admin's consent. The engine completes step 1 and
/// moves the onboarding card on in the chat (proactively, from the stored conversation reference); the browser gets a
/// short page saying what happened and what to do.
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

    private static async Task<IResult> HandleAsync(HttpRequest request, IAuthorizationCallbackHandler handler, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(NetSuiteCallbackEndpoint));
        var (callback, refusal) = CallbackQuery.Read(request);
        if (callback is null)
        {
            Log.OAuthCallbackRefused(logger, refusal!);
            return CallbackPage.Render(
                succeeded: false,
                "This sign-in link is not valid",
                "The address this page was opened with is malformed.",
                "Go back to the chat and use the Authorize button on the onboarding card.");
        }

        var result = await handler.HandleAsync(callback, cancellationToken).ConfigureAwait(false);
        Log.OAuthCallbackAnswered(logger, result.Succeeded ? "authorized" : result.PageTitle);
        return CallbackPage.Render(
            result.Succeeded,
            result.PageTitle,
            result.PageMessage,
            result.Succeeded
                ? "Authorized — you can close this tab and go back to Teams (or Slack): the onboarding card there has already moved on."
                : "If it keeps happening, type status in the chat to see where the onboarding stands, or cancel it and start again with onboard.");
    }
}
