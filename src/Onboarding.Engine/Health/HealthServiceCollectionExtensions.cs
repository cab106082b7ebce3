using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Health.Commands;
using Onboarding.Engine.Kit;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Health;

/// <summary>Registers connection health: options (validated at start-up), stores, checks, alerts, certificate renewal, monitor and chat routes.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Adds health bound to the <c>Health</c> section. Needs the NetSuite clients (<c>AddNetSuiteClients</c>), a migrated
    /// <see cref="Database"/>, an <see cref="ISecretProtector"/> and an <see cref="IChatPublisher"/>. Reads the flow's
    /// tenant and key tables; order-free with <c>AddOnboardingFlow</c> (both TryAdd what they share). The host runs <see cref="HealthMonitor.RunCycleAsync"/> on a timer.
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

        // The flow's stores and command helpers health reads through; the flow registers the same (TryAdd), in either order.
        services.TryAddSingleton<TenantStore>();
        services.TryAddSingleton<TenantKeyStore>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IKeyUseRecorder, AuditedKeyUse>());
        services.AddStaffPolicy();
        services.TryAddSingleton<CommandReplies>();
        services.TryAddSingleton<ConfirmationStore>();
        services.TryAddSingleton<ConfirmationCards>();

        services.AddWorkCoordination();
        services.TryAddSingleton<IMachineTokenStore, MachineTokenStore>();
        services.TryAddSingleton<AlertSubscriptionStore>();
        services.TryAddSingleton<TenantHealthStore>();
        services.TryAddSingleton<HealthCheckLog>();
        services.TryAddSingleton<ITenantDirectory, ConnectedTenantDirectory>();
        services.TryAddSingleton<ITenantKeyRing, TenantKeyRing>();

        services.AddVendorKit();
        services.TryAddSingleton<HealthMetrics>();
        services.TryAddSingleton<TenantChecks>();
        services.TryAddSingleton<AlertDispatcher>();
        services.TryAddSingleton<IncidentAlerts>();
        services.TryAddSingleton<CertificateRotation>();
        services.TryAddSingleton<CertificateLifecycle>();
        services.TryAddSingleton<HealthMonitor>();
        services.TryAddSingleton<HealthStatusReader>();

        services.AddChatRoutes();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IChatCommandRoute, AlertsRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, RotateRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, RotateConfirmedRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, RecheckRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, MuteRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, ReauthorizeRoute>(),
        ]);
        services.AddReauthorizations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReauthorizationPurpose, RotationReauthorizationPurpose>());
        return services;
    }
}
