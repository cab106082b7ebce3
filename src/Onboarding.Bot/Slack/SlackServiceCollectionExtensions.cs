using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Slack.Inbound;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.Publishing;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Bot.Slack.Signing;
using Onboarding.Bot.Slack.WebApi;
using Polly;

namespace Onboarding.Bot.Slack;

/// <summary>Registers the Slack channel. Expects the host to provide SQLite storage, an <c>ISecretProtector</c> and an <c>IChatCommandHandler</c>.</summary>
public static class SlackServiceCollectionExtensions
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => SlackSignatureVerifier.Create(
            sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret ?? string.Empty, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackSignatureFilter>();
        services.AddSingleton<SlackDeliveryLog>();
        services.AddSingleton<SlackCommandQueue>();
        services.AddSingleton<SlackInbox>();
        services.AddSingleton<SlackEventsHandler>();
        services.AddSingleton<SlackInteractionsHandler>();
        services.AddSingleton<SlackSlashCommandHandler>();
        services.AddHostedService<SlackCommandWorker>();

        services.AddSingleton<BlockKitRenderer>();
        services.AddSingleton<SlackCardMessages>();
        services.AddSingleton<SlotLocks>();
        services.AddTransient<SlackChatPublisher>();

        services.AddSingleton<SlackInstallationStore>();
        services.AddSingleton<SlackBotTokens>();
        services.AddSingleton<SlackOAuthState>();
        services.AddTransient<SlackInstallHandler>();

        services.AddHttpClient<SlackWebApiClient>((sp, client) =>
                client.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl)
            .AddResilienceHandler("slack-web-api", pipeline => pipeline
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
        return services;
    }
}
