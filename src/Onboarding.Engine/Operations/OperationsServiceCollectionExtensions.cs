using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Operations.Commands;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Operations;

/// <summary>Registers operations: retention (settings section <c>Retention</c>), tenant erasure and the <c>audit</c> and <c>erase</c> commands.</summary>
public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds operations. Needs the onboarding flow (<c>AddOnboardingFlow</c>: erasure cancels, revokes and offboards through it),
    /// a migrated <see cref="Database"/> and an <see cref="IChatPublisher"/>. The host runs <see cref="DataRetention.PruneAsync"/> on a timer.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionRuleSource, EngineRetentionRules>());
        services.TryAddSingleton<DataRetention>();
        services.TryAddSingleton<TenantErasure>();
        services.TryAddSingleton<OperationsAccess>();

        services.AddChatRoutes();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IChatCommandRoute, AuditRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, EraseRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, EraseConfirmationRoute>(),
        ]);
        return services;
    }
}
