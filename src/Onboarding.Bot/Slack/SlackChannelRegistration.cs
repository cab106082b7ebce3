using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Chat;
using Onboarding.Bot.Security;
using Onboarding.Bot.Slack.Inbound;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.Publishing;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Bot.Slack.Signing;
using Onboarding.Bot.Slack.Storage;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Engine.Http;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using Polly;

namespace Onboarding.Bot.Slack;

/// <summary>
/// Slack over its own HTTP APIs: signed endpoints under <c>/api/slack</c> feeding the command inbox (run by the chat routing's worker), the Web API
/// client and the Block Kit publisher. Uses the host's storage, secret protector and <c>IChatCommandHandler</c>.
/// </summary>
public static class SlackChannelRegistration
{
    public const string BasePath = "/api/slack";

    public static IHostApplicationBuilder AddSlackChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => SlackSignatureVerifier.Create(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? string.Empty, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SlackSignatureFilter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMigrationSource, SlackMigrations>());
        services.TryAddSingleton<SlackInbox>();
        services.TryAddSingleton<SlackEventsHandler>();
        services.TryAddSingleton<SlackInteractionsHandler>();
        services.TryAddSingleton<SlackSlashCommandHandler>();

        services.TryAddSingleton<BlockKitRenderer>();
        services.TryAddSingleton<SlackWebApiClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserLocaleSource, SlackUserLocales>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPublisher, SlackChatPublisher>());

        services.TryAddSingleton<SlackInstallationStore>();
        services.TryAddSingleton<SlackBotTokens>();
        services.TryAddSingleton<SlackOAuthState>();
        services.TryAddSingleton<SlackInstallHandler>();

        services.LogSuccessfulAttemptsAtDebug();
        services.AddHttpClient(SlackWebApiClient.HttpClientName, (sp, client) =>
                client.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl)
            .KeepNoCookies()
            .AddResilienceHandler(SlackWebApiClient.HttpClientName, pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    // Only 429 is retried: Slack did nothing, so trying again cannot post a message twice.
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests),
                    ShouldRetryAfterHeader = true,
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(1),
                    MaxDelay = TimeSpan.FromSeconds(30),
                })
                .AddTimeout(TimeSpan.FromSeconds(15)));
        return builder;
    }

    /// <summary>Maps the Slack endpoints; none is mapped when <c>Slack:SigningSecret</c> is empty, so they answer 404.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled)
        {
            return endpoints;
        }

        var slack = endpoints.MapGroup(BasePath);

        // Handlers bind nothing from the request, so the signature filter is the first to touch the body.
        var signed = slack.MapGroup(string.Empty).AddEndpointFilter<SlackSignatureFilter>().WithBodyLimit(BodyLimits.Slack);
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
