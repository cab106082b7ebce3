using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Onboarding.Engine.Language;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The chat command router over every registered <see cref="IChatCommandRoute"/>, checked at start-up, and the way views
/// reach a conversation in its language (<see cref="ChatViews"/>, <see cref="ConversationLocales"/>).
/// </summary>
public static class ChatRouteServiceCollectionExtensions
{
    /// <summary>Makes <see cref="ChatCommandRouter"/> the <see cref="IChatCommandHandler"/>; any module may call it, once or more, in any order.</summary>
    public static IServiceCollection AddChatRoutes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversationLocales>();
        services.TryAddSingleton<ChatViews>();
        services.TryAddSingleton<ChatRouteTable>();
        services.TryAddSingleton<IChatCommandHandler, ChatCommandRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChatRouteTableCheck>());
        return services;
    }
}
