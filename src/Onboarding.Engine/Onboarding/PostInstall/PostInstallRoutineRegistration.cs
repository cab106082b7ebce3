using Microsoft.Extensions.DependencyInjection;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>
/// The name a routine is registered under, known without building the routine (so settings can be validated at
/// start-up without constructing everything the routines depend on).
/// </summary>
public sealed record PostInstallRoutineRegistration(string Name);

/// <summary>Registers post-install routines.</summary>
public static class PostInstallRoutineServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TRoutine"/>, to be enabled in <c>Onboarding:PostInstallRoutines</c> by <paramref name="name"/> (its <see cref="IPostInstallRoutine.Name"/>).</summary>
    public static IServiceCollection AddPostInstallRoutine<TRoutine>(this IServiceCollection services, string name)
        where TRoutine : class, IPostInstallRoutine
    {
        services.AddSingleton<IPostInstallRoutine, TRoutine>();
        services.AddSingleton(new PostInstallRoutineRegistration(name));
        return services;
    }
}
