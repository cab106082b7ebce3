using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health.Commands;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Health;

/// <summary>Registers connection health: options (validated at start-up), stores, checks, alerts, certificate renewal, monitor and chat routes.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Adds health bound to the <c>Health</c> section. Call after <c>AddOnboardingFlow</c> (whose tenant and key tables it
    /// reads, and whose placeholder routes for <c>alerts</c> and <c>rotate</c> it replaces) and <c>AddNetSuiteClients</c>.
    /// The host runs <see cref="HealthMonitor.RunCycleAsync"/> on a timer.
    /// </summary>
    public static IServiceCollection AddConnectionHealth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.TryAddSingleton<AlertSubscriptionStore>();
        services.TryAddSingleton<TenantHealthStore>();
        services.TryAddSingleton<HealthCheckLog>();
        services.TryAddSingleton<ITenantDirectory, ConnectedTenantDirectory>();
        services.TryAddSingleton<ITenantKeyRing, TenantKeyRing>();

        services.TryAddSingleton<HealthMetrics>();
        services.TryAddSingleton<TenantChecks>();
        services.TryAddSingleton<AlertDispatcher>();
        services.TryAddSingleton<IncidentAlerts>();
        services.TryAddSingleton<CertificateRotation>();
        services.TryAddSingleton<CertificateLifecycle>();
        services.TryAddSingleton<HealthMonitor>();
        services.TryAddSingleton<HealthStatusReader>();

        services.AddSingleton<IChatCommandRoute, AlertsRoute>();
        services.AddSingleton<IChatCommandRoute, RotateRoute>();
        services.AddSingleton<IChatCommandRoute, RotateConfirmedRoute>();
        services.AddSingleton<IChatCommandRoute, RecheckRoute>();
        services.AddSingleton<IChatCommandRoute, MuteRoute>();
        return services;
    }
}
