using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Onboarding.NetSuiteSandbox;

/// <summary>
/// The sandbox running in-process on 127.0.0.1 with a free port. Point a NetSuite client at
/// <c>{BaseAddress}{hostLabel}</c> (see <see cref="AccountBase"/>); dispose to stop it.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Root of the sandbox, ending in a slash, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The sandbox's services, for a host that wants to share its logging or inspect state.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<SandboxServer> StartAsync(Action<SandboxOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        // In-process hosts start many sandboxes (one per test): no config file watchers, no per-request info logs.
        var app = SandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--hostBuilder:reloadConfigOnChange=false", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
                // Hosted inside another process (the bot's embedded demo, tests): its "Application started" lines would read as the host's own.
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"],
            configure,
            readSettingsFiles: false);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Base URL of one account, e.g. <c>http://127.0.0.1:51234/1234567-sb1</c> for <c>1234567_SB1</c>.</summary>
    public Uri AccountBase(string accountId) => new(BaseAddress, Accounts.HostLabel.For(accountId));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
