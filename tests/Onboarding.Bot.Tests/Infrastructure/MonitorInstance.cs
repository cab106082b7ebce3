using Microsoft.Extensions.Configuration;
using Onboarding.Bot.Hosting;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// One instance's health monitor, wired as the host wires it (storage on the given provider, NetSuite clients pointed at a
/// sandbox, health), with alerts going to <paramref name="alerts"/>. Several of these on one database are several
/// instances: each has its own name, caches and leases, and only the database in common.
/// </summary>
public sealed class MonitorInstance : IDisposable
{
    private readonly IHost _host;

    private MonitorInstance(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public HealthMonitor Monitor => _host.Services.GetRequiredService<HealthMonitor>();

    public string Name => _host.Services.GetRequiredService<InstanceIdentity>().Name;

    public static async Task<MonitorInstance> StartAsync(
        string contentRoot,
        IReadOnlyDictionary<string, string?> storage,
        Uri sandbox,
        TimeProvider clock,
        IChatPublisher alerts,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Development,

            // As the bot's Program: settings files are not watched (the database is written under the content root).
            Args = [HostArguments.ReadSettingsOnce],
        });
        var values = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in storage.Concat(settings ?? new Dictionary<string, string?>()))
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton(clock);
        builder.AddEngineStorage();
        builder.Services.AddNetSuiteClients(builder.Configuration);
        builder.Services.PostConfigure<NetSuiteOptions>(o => o.UseSandboxLayout(sandbox));
        builder.Services.AddConnectionHealth(builder.Configuration);
        builder.Services.AddSingleton(alerts);
        var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        return new MonitorInstance(host);
    }

    public void Dispose() => _host.Dispose();
}
