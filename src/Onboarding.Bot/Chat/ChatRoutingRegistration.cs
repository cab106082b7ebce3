using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Conversations.Inbox;

namespace Onboarding.Bot.Chat;

/// <summary>Routes the engine's output to the channel publishers, and chat input through the durable command inbox to the engine.</summary>
public static class ChatRoutingRegistration
{
    /// <summary>
    /// Registers the channel router as <see cref="IChatPublisher"/> and the command inbox (settings section <c>Inbox</c>) with
    /// its worker, which every channel's endpoints store their commands in. The engine's
    /// <see cref="IChatCommandHandler"/> comes from the onboarding flow (<c>AddOnboardingFlow</c>).
    /// </summary>
    public static IHostApplicationBuilder AddChatRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IChatPublisher, ChannelPublisherRouter>();
        builder.Services.TryAddSingleton<CardLocks>();
        builder.Services.AddCommandInbox(builder.Configuration);
        return builder;
    }
}
