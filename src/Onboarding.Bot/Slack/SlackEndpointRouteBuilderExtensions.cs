using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Slack.Inbound;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.Signing;

namespace Onboarding.Bot.Slack;

/// <summary>Maps the Slack endpoints under <c>/api/slack</c>; none is mapped when <c>Slack:SigningSecret</c> is empty.</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled)
        {
            return endpoints;
        }

        var slack = endpoints.MapGroup("/api/slack");

        // Handlers bind nothing from the request, so the signature filter is the first to touch the body.
        var signed = slack.MapGroup(string.Empty).AddEndpointFilter<SlackSignatureFilter>().DisableAntiforgery();
        signed.MapPost("/events", (HttpContext http, SlackEventsHandler handler) =>
            handler.HandleAsync(http.Features.GetRequiredFeature<VerifiedSlackRequest>(), http.RequestAborted));
        signed.MapPost("/interactions", (HttpContext http, SlackInteractionsHandler handler) =>
            handler.HandleAsync(http.Features.GetRequiredFeature<VerifiedSlackRequest>(), http.RequestAborted));
        signed.MapPost("/commands", (HttpContext http, SlackSlashCommandHandler handler) =>
            handler.HandleAsync(http.Features.GetRequiredFeature<VerifiedSlackRequest>(), http.RequestAborted));

        slack.MapGet("/install", (HttpContext http, SlackInstallHandler handler) => handler.Start(http));
        slack.MapGet("/oauth/callback", (HttpContext http, SlackInstallHandler handler) => handler.CallbackAsync(http, http.RequestAborted));
        return endpoints;
    }
}
