using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Onboarding.Engine.Coordination;

/// <summary>Registers what lets several instances share work: this instance's name and the leases on items of work.</summary>
public static class CoordinationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="InstanceIdentity"/> and <see cref="WorkLeases"/> (needs the host's <c>Database</c>); safe to call from every module.</summary>
    public static IServiceCollection AddWorkCoordination(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InstanceIdentity>();
        services.TryAddSingleton<WorkLeases>();
        return services;
    }
}
