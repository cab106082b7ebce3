using Microsoft.Extensions.DependencyInjection;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>Wraps a registered service in a test decorator (to lose a response, capture secrets, or crash on cue).</summary>
internal static class ServiceDecoration
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(descriptor);
        services.AddSingleton(provider =>
        {
            var inner = descriptor.ImplementationInstance as TService
                ?? descriptor.ImplementationFactory?.Invoke(provider) as TService
                ?? (TService)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
            return decorate(inner, provider);
        });
        return services;
    }
}
