using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Chat;

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

        builder.Services.AddHttpClient();
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
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPublisher, TeamsChatPublisher>());
        return builder;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesPath, ProcessAsync);
        return endpoints;
    }

    private static async Task ProcessAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<TeamsBotAdapter> logger)
    {
        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTokenRejection(e) && !context.Response.HasStarted)
        {
            // The adapter turns only UnauthorizedAccessException into 401; a badly signed, malformed or otherwise invalid
            // channel token surfaces as IdentityModel's own exceptions and would be a 500.
            Log.ChannelTokenRejected(logger, e.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private static bool IsTokenRejection(Exception e) =>
        e.GetType().Namespace?.StartsWith("Microsoft.IdentityModel", StringComparison.Ordinal) == true;
}
