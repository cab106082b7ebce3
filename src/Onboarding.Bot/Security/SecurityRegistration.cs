using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Engine.Onboarding.Commands;

namespace Onboarding.Bot.Security;

/// <summary>The host's edge protections that are no one channel's: body limits, the local demo's roles and their announcement.</summary>
public static class SecurityRegistration
{
    public static IHostApplicationBuilder AddEdgeSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(BodyLimits.ConfigureKestrel);
        builder.Services.TryAddSingleton<LocalDemoRoles>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStaffRoleSource, LocalDemoRoles>(services => services.GetRequiredService<LocalDemoRoles>()));
        builder.Services.AddHostedService<AccessAnnouncement>();
        return builder;
    }

    /// <summary>Applies each endpoint's body limit; routing has already picked the endpoint when this runs.</summary>
    public static IApplicationBuilder UseEdgeSecurity(this IApplicationBuilder app)
    {
        app.Use(BodyLimits.ApplyAsync);
        return app;
    }
}
