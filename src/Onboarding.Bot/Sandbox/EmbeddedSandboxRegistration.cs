using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Sandbox;

/// <summary>The embedded default: the NetSuite sandbox in-process, the engine pointed at it, the URLs to use printed at start.</summary>
public static class EmbeddedSandboxRegistration
{
    /// <summary>The sandbox's state file, beside the bot's database unless <c>Sandbox:StateFile</c> names another.</summary>
    public const string StateFileName = "sandbox-state.json";

    /// <summary>
    /// Registers the sandbox, started only when <c>NetSuite:Mode</c> comes out as Sandbox. Its settings are the bot's <c>Sandbox</c> section (the same keys the stand-alone sandbox reads),
    /// handed over explicitly so neither application reads the other's configuration. Three defaults differ from the
    /// stand-alone sandbox, for the local demo: the test-control API (<c>/_sandbox/…</c>) is on; loopback <c>http://</c>
    /// redirect URIs are accepted (<c>Sandbox:AllowLoopbackHttpRedirects</c>), so the bot can run on http://localhost:3978;
    /// and the sandbox keeps its state in <see cref="StateFileName"/> beside the bot's database
    /// (<c>Sandbox:StateFile</c>), so a connected demo tenant stays connected across restarts. Each setting overrides them.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedSandbox(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SandboxOptions.SectionName);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.TryAddSingleton(services =>
        {
            var database = services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath;
            return new EmbeddedSandbox(
                options =>
                {
                    options.EnableTestControl = true;
                    options.AllowLoopbackHttpRedirects = true;
                    options.StateFile = StateFileBeside(database);
                    section.Bind(options);
                    options.SeedFile = FullPath(options.SeedFile, contentRoot);
                    options.StateFile = FullPath(options.StateFile, contentRoot);
                },
                () => NetSuite.NetSuiteRegistration.ModeOf(services.GetRequiredService<IConfiguration>()) == NetSuite.NetSuiteMode.Sandbox);
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<NetSuiteOptions>, SandboxEndpointTemplates>());
        builder.Services.AddHostedService<SandboxAnnouncement>();
        return builder;
    }

    /// <summary>The default state file for a database file: <see cref="StateFileName"/> in the same folder.</summary>
    public static string StateFileBeside(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", StateFileName);

    private static string? FullPath(string? path, string contentRoot) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, contentRoot);
}
