using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Chat;

/// <summary>Routes the engine's output to the channel publishers and its input to the command handler.</summary>
public static class ChatRoutingRegistration
{
    /// <summary>
    /// Registers the channel router as <see cref="IChatPublisher"/> and, unless another module registered one,
    /// the help-only <see cref="HelpCommandHandler"/> as <see cref="IChatCommandHandler"/>.
    /// </summary>
    public static IHostApplicationBuilder AddChatRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChatPublisher, ChannelPublisherRouter>();
        builder.Services.TryAddSingleton<IChatCommandHandler>(services => new HelpCommandHandler(
            services.GetRequiredService<IChatPublisher>(),
            services.GetRequiredService<IOptions<BotOptions>>().Value.AppName));
        return builder;
    }
}
