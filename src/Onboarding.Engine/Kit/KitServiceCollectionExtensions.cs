using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Onboarding.Engine.Kit;

/// <summary>Registers the product's side of the vendor kit (manifests/netsuite): bundle check, connection probe, role and employee lookups.</summary>
public static class KitServiceCollectionExtensions
{
    /// <summary>
    /// Adds the kit services once, whichever module asks first (the flow or health). Their ids come from the
    /// <c>Onboarding</c> section, which <c>AddOnboardingFlow</c> binds and validates. Needs the NetSuite clients.
    /// </summary>
    public static IServiceCollection AddVendorKit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BundleCheck>();
        services.TryAddSingleton<ConnectionProbe>();
        services.TryAddSingleton<AccountDirectory>();
        return services;
    }
}
