using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Chat;

/// <summary>Routes the engine's output to the channel publishers, and chat input through a queue to the engine.</summary>
public static class ChatRoutingRegistration
{
    /// <summary>
    /// Registers the channel router as <see cref="IChatPublisher"/> and the command queue with its worker. The engine's
    /// <see cref="IChatCommandHandler"/> comes from the onboarding flow (<c>AddOnboardingFlow</c>).
    /// </summary>
    public static IHostApplicationBuilder AddChatRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IChatPublisher, ChannelPublisherRouter>();
        builder.Services.TryAddSingleton<SlotLocks>();
        builder.Services.TryAddSingleton<ChatCommandQueue>();
        builder.Services.AddHostedService<ChatCommandWorker>();
        return builder;
    }
}
