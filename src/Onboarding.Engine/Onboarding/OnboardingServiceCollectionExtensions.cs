using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using Onboarding.Engine.Onboarding.PostInstall;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>Registers the onboarding flow: its options, stores, steps, views, chat routes and the built-in routines.</summary>
public static class OnboardingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the flow bound to the <c>Onboarding</c> section. Needs, registered by the host: the NetSuite clients
    /// (<c>AddNetSuiteClients</c>), <see cref="Database"/> (migrated), <see cref="ISecretProtector"/> and an
    /// <see cref="IChatPublisher"/>. Makes <see cref="ChatCommandRouter"/> the <see cref="IChatCommandHandler"/>.
    /// Modules that replace a route (health monitoring's <c>alerts</c>, <c>rotate</c>) register theirs after this call.
    /// </summary>
    public static IServiceCollection AddOnboardingFlow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OnboardingOptions>()
            .Bind(configuration.GetSection(OnboardingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnboardingOptions>, OnboardingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddMetrics();
        services.TryAddSingleton<OnboardingMetrics>();
        services.TryAddSingleton<StepTelemetry>();
        services.AddWorkCoordination();
        services.TryAddSingleton<IMachineTokenStore, MachineTokenStore>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IKeyUseRecorder, AuditedKeyUse>());
        services.TryAddSingleton<OnboardingSessionStore>();
        services.TryAddSingleton<AuthorizationRequestStore>();
        services.TryAddSingleton<DelegatedTokenStore>();
        services.TryAddSingleton<TenantStore>();
        services.TryAddSingleton<TenantKeyStore>();
        services.TryAddSingleton<PostInstallRunStore>();

        services.TryAddSingleton<OnboardingSessions>();
        services.TryAddSingleton<AdminAccess>();
        services.TryAddSingleton<AuthorizerNames>();
        services.TryAddSingleton<AuditedMachineTokens>();
        services.TryAddSingleton<BundleInstallLink>();
        services.TryAddSingleton<OnboardingChecklist>();
        services.TryAddSingleton<OnboardingCard>();
        services.TryAddSingleton<OnboardingNotices>();
        services.TryAddSingleton<CardUpdatePacer>();
        services.TryAddSingleton<OnboardingCards>();
        services.TryAddSingleton<StatusBoard>();
        services.TryAddSingleton<StepFailures>();
        services.AddVendorKit();
        services.TryAddSingleton<AuthorizationStep>();
        services.TryAddSingleton<Preflight>();
        services.TryAddSingleton<PreflightStep>();
        services.TryAddSingleton<AdminAccessSweep>();
        services.TryAddSingleton<BundleStep>();
        services.TryAddSingleton<MachineAccessStep>();
        services.TryAddSingleton<CertificateUpload>();
        services.TryAddSingleton<PostInstallStep>();
        services.TryAddSingleton<OnboardingCertificateRevocation>();
        services.TryAddSingleton<OnboardingFlow>();
        services.TryAddSingleton<TenantOffboarding>();
        services.AddReauthorizations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReauthorizationPurpose, CertificateRevocationPurpose>());
        services.AddHostedService<OnboardingResumer>();
        services.TryAddSingleton<IAuthorizationCallbackHandler, AuthorizationCallbackHandler>();

        services.TryAddSingleton<ConfirmationStore>();
        services.TryAddSingleton<ConfirmationCards>();
        services.AddStaffPolicy();
        services.TryAddSingleton<CommandReplies>();
        services.TryAddSingleton<OnboardingButtons>();
        services.AddChatRoutes();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IChatCommandRoute, HelpRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, WelcomeRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, OnboardRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, StatusRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, CancelRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, BundleCheckRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, RetryRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, CancelSessionRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, ReplaceCertificateRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, SignInAgainRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, ReconnectRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, OffboardRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, OffboardConfirmationRoute>(),
            ServiceDescriptor.Singleton<IChatCommandRoute, RevokeWithAdminRoute>(),
        ]);

        services.AddPostInstallRoutine<ValidatePrerequisitesRoutine>(ValidatePrerequisitesRoutine.RoutineName);
        services.AddPostInstallRoutine<SeedConfigurationRoutine>(SeedConfigurationRoutine.RoutineName);
        services.AddPostInstallRoutine<RegisterTenantMetadataRoutine>(RegisterTenantMetadataRoutine.RoutineName);
        services.AddPostInstallRoutine<FinalConnectivityCheckRoutine>(FinalConnectivityCheckRoutine.RoutineName);
        return services;
    }
}
