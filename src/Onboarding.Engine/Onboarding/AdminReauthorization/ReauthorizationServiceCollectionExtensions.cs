using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>
/// Registers the re-authorization machinery once, whichever area asks first (the flow for offboarding, health for
/// rotation); each area adds its own <see cref="IReauthorizationPurpose"/>. Needs the NetSuite clients, storage and an
/// <see cref="IChatPublisher"/>; the redirect reaches it through the flow's <see cref="IAuthorizationCallbackHandler"/>.
/// </summary>
public static class ReauthorizationServiceCollectionExtensions
{
    public static IServiceCollection AddReauthorizations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OnboardingOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuthorizationRequestStore>();
        services.TryAddSingleton<ReauthorizationStore>();
        services.TryAddSingleton<Reauthorizations>();
        services.AddStaffPolicy();
        services.TryAddSingleton<CommandReplies>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommandRoute, ReauthorizationRoute>());
        return services;
    }
}
