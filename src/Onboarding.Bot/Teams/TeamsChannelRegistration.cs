using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Chat;
using Onboarding.Bot.Security;
using Onboarding.Engine.Http;

namespace Onboarding.Bot.Teams;

/// <summary>Teams (and the other Bot Framework channels): CloudAdapter, the activity handler and the card publisher.</summary>
public static class TeamsChannelRegistration
{
    /// <summary>The Bot Framework messaging endpoint.</summary>
    public const string MessagesPath = "/api/messages";

    public static IHostApplicationBuilder AddTeamsChannel(this IHostApplicationBuilder builder)
    {
        // The MicrosoftApp* keys sit at the configuration root, where the Bot Framework reads them.
        builder.Services.AddOptions<MicrosoftAppOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MicrosoftAppOptions>, MicrosoftAppOptionsValidator>());

        // The Bot Framework calls every tenant's connector through the factory's default client.
        builder.Services.AddHttpClient(Options.DefaultName).KeepNoCookies();
        // Checked settings first: hosted services that publish are built before start-up validation runs, and the
        // framework would otherwise throw a bare ArgumentException for a bad MicrosoftApp* combination.
        builder.Services.TryAddSingleton<BotFrameworkAuthentication>(services =>
        {
            _ = services.GetRequiredService<IOptions<MicrosoftAppOptions>>().Value;
            return new ConfigurationBotFrameworkAuthentication(
                services.GetRequiredService<IConfiguration>(),
                httpClientFactory: services.GetRequiredService<IHttpClientFactory>());
        });
        builder.Services.TryAddSingleton<TeamsBotAdapter>();
        builder.Services.TryAddSingleton<IBotFrameworkHttpAdapter>(services => services.GetRequiredService<TeamsBotAdapter>());
        // Per request, so a command handler registered as scoped (e.g. one using a unit of work) can be injected.
        builder.Services.TryAddTransient<IBot, TeamsBot>();
        builder.Services.TryAddSingleton<ActivityEndpoint>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPublisher, TeamsChatPublisher>());
        return builder;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesPath, (HttpContext context, ActivityEndpoint endpoint, IBot bot) => endpoint.HandleAsync(context, bot))
            .WithBodyLimit(BodyLimits.Activity);
        return endpoints;
    }
}
