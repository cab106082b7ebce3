using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Onboarding.Engine.Conversations;

/// <summary>The chat command router over every registered <see cref="IChatCommandRoute"/>, checked at start-up.</summary>
public static class ChatRouteServiceCollectionExtensions
{
    /// <summary>Makes <see cref="ChatCommandRouter"/> the <see cref="IChatCommandHandler"/>; any module may call it, once or more, in any order.</summary>
    public static IServiceCollection AddChatRoutes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ChatRouteTable>();
        services.TryAddSingleton<IChatCommandHandler, ChatCommandRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChatRouteTableCheck>());
        return services;
    }
}
