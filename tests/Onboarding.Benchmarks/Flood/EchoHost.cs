using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Onboarding.Benchmarks.Turns;

namespace Onboarding.Benchmarks.Flood;

/// <summary>
/// The flood's baseline as a process of its own, shaped like the bot's host: ASP.NET Core, a CloudAdapter in anonymous
/// mode and <see cref="EchoBot"/> at <c>/api/messages</c>, answering within the turn. Started by <see cref="FloodScenario"/>
/// as <c>Onboarding.Benchmarks echo-host --urls …</c>.
/// </summary>
public static class EchoHost
{
    public const string Mode = "echo-host";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services => new ConfigurationBotFrameworkAuthentication(
            services.GetRequiredService<IConfiguration>(), httpClientFactory: services.GetRequiredService<IHttpClientFactory>()));
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(services => new CloudAdapter(
            services.GetRequiredService<BotFrameworkAuthentication>(), services.GetRequiredService<ILogger<CloudAdapter>>()));
        builder.Services.AddSingleton<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
        await app.RunAsync();
        return 0;
    }
}
