using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Bundles;
using Onboarding.NetSuiteSandbox.Certificates;
using Onboarding.NetSuiteSandbox.Governance;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.OAuth;
using Onboarding.NetSuiteSandbox.Records;
using Onboarding.NetSuiteSandbox.Restlets;
using Onboarding.NetSuiteSandbox.State;
using Onboarding.NetSuiteSandbox.SuiteQl;
using Onboarding.NetSuiteSandbox.TestControl;
using Onboarding.NetSuiteSandbox.Time;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox;

/// <summary>Builds the sandbox web application: settings from <c>Sandbox:</c>, then <paramref name="configure"/> on top.</summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args, Action<SandboxOptions>? configure = null) => Build(args, configure, readSettingsFiles: true);

    /// <param name="readSettingsFiles">
    /// False when hosted inside another process: the appsettings files in its folder belong to that host
    /// (e.g. its Kestrel endpoints), not to the sandbox.
    /// </param>
    internal static WebApplication Build(string[] args, Action<SandboxOptions>? configure, bool readSettingsFiles)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
        });
        if (!readSettingsFiles)
        {
            foreach (var file in builder.Configuration.Sources.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>().ToList())
            {
                builder.Configuration.Sources.Remove(file);
            }
        }

        var options = builder.Services.AddOptions<SandboxOptions>()
            .Bind(builder.Configuration.GetSection(SandboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton(new SandboxClock(TimeProvider.System));
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SandboxClock>());
        builder.Services.AddSingleton<AccountRegistry>();
        builder.Services.AddSingleton<StateFile>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<StateFile>().SigningKey);
        builder.Services.AddSingleton<TokenSigner>();
        builder.Services.AddDataProtection().SetApplicationName(typeof(SandboxApp).Assembly.GetName().Name!);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<SandboxOptions>, ILoggerFactory>((keys, sandbox, loggers) =>
            {
                if (!string.IsNullOrWhiteSpace(sandbox.Value.StateFile))
                {
                    keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(StateFile.KeyRingFolder(sandbox.Value.StateFile)), loggers);
                }
            });
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<FaultStore>();

        var app = builder.Build();

        // Load the seed and the saved state now, so a bad file stops start-up instead of the first request.
        StateFile state;
        try
        {
            app.Services.GetRequiredService<AccountRegistry>();
            state = app.Services.GetRequiredService<StateFile>();
            state.Restore();
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        if (state.Enabled)
        {
            app.UseStateSaving(state);
        }

        app.UseFaultInjection();
        var account = app.MapAccountGroup();
        app.MapAuthorize(account);
        account.MapTokenEndpoints();
        account.MapCertificates();
        account.MapSuiteQl();
        account.MapRecords();
        account.MapRestlets();
        account.MapBundles();
        app.MapDataCenterUrls();
        if (app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.EnableTestControl)
        {
            app.MapTestControl();
        }

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var baseAddress = string.Join(", ", app.Urls);
        var accounts = string.Join(", ", app.Services.GetRequiredService<AccountRegistry>().All.Select(a => a.Id));
        Log.Listening(app.Logger, baseAddress, accounts);
        if (app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.EnableTestControl)
        {
            Log.TestControlEnabled(app.Logger, baseAddress);
        }
    }
}
