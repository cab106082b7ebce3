using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Engine.NetSuite;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Sandbox;

/// <summary>The embedded default: the NetSuite sandbox in-process, the engine pointed at it, the URLs to use printed at start.</summary>
public static class EmbeddedSandboxRegistration
{
    /// <summary>
    /// Registers the sandbox, started only when <c>NetSuite:Mode</c> comes out as Sandbox. Its settings are the bot's <c>Sandbox</c> section (the same keys the stand-alone sandbox reads),
    /// handed over explicitly so neither application reads the other's configuration; the test-control API
    /// (<c>/_sandbox/…</c>) is on unless <c>Sandbox:EnableTestControl</c> says otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedSandbox(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SandboxOptions.SectionName);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.TryAddSingleton(services => new EmbeddedSandbox(
            options =>
            {
                options.EnableTestControl = true;
                section.Bind(options);
                if (!string.IsNullOrWhiteSpace(options.SeedFile))
                {
                    options.SeedFile = Path.GetFullPath(options.SeedFile, contentRoot);
                }
            },
            () => NetSuite.NetSuiteRegistration.ModeOf(services.GetRequiredService<IConfiguration>()) == NetSuite.NetSuiteMode.Sandbox));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IPostConfigureOptions<NetSuiteOptions>, SandboxEndpointTemplates>());
        builder.Services.AddHostedService<SandboxAnnouncement>();
        return builder;
    }
}
