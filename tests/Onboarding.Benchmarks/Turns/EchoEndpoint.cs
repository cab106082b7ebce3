using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace Onboarding.Benchmarks.Turns;

/// <summary>
/// Mounts <see cref="EchoBot"/> at <see cref="Path"/> on the bot's own host, behind the host's own CloudAdapter, so the
/// baseline shares the process, Kestrel, adapter and connector client with the bot it is compared to.
/// </summary>
public sealed class EchoEndpoint : IStartupFilter
{
    public const string Path = "/bench/echo";

    private readonly EchoBot _bot = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, branch => branch.Run(context =>
            context.RequestServices.GetRequiredService<IBotFrameworkHttpAdapter>()
                .ProcessAsync(context.Request, context.Response, _bot, context.RequestAborted)));
        next(app);
    };
}
