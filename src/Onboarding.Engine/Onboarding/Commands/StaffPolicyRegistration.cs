using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>Registers <see cref="StaffPolicy"/> and the check of its settings, once, whichever module asks first.</summary>
public static class StaffPolicyRegistration
{
    public static IServiceCollection AddStaffPolicy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OnboardingOptions>();
        services.TryAddSingleton<StaffPolicy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnboardingOptions>, StaffRolesValidator>());
        return services;
    }
}
