using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Sandbox;

/// <summary>
/// The NetSuite simulator running inside the bot's process: a separate web application with its own configuration
/// and its own port on 127.0.0.1. It starts the first time its address is needed — when the engine's NetSuite options
/// are built at start-up, after the bot's host exists — and stops with the bot.
/// </summary>
public sealed class EmbeddedSandbox : IAsyncDisposable
{
    /// <summary>The built-in demo account every demo and test relies on.</summary>
    public const string DemoAccount = "1234567_SB1";

    /// <summary>The seed's second demo account: a production-style id on an account without OneWorld.</summary>
    public const string SecondDemoAccount = "7654321";

    private readonly Lazy<SandboxServer> _server;

    /// <param name="configure">The sandbox's settings.</param>
    /// <param name="isSandboxMode">Whether <c>NetSuite:Mode</c> comes out as Sandbox; anything else must never start it.</param>
    internal EmbeddedSandbox(Action<SandboxOptions> configure, Func<bool> isSandboxMode) =>
        _server = new Lazy<SandboxServer>(
            () => isSandboxMode()
                ? StartDetached(configure)
                : throw new InvalidOperationException("The NetSuite sandbox starts only when NetSuite:Mode comes out as Sandbox: with real NetSuite, neither it nor its /_sandbox test-control API may run in this process."),
            LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True once the sandbox runs (it never does unless <c>NetSuite:Mode</c> comes out as Sandbox: it refuses to).</summary>
    public bool IsStarted => _server.IsValueCreated;

    /// <summary>The sandbox's root, e.g. <c>http://127.0.0.1:51234/</c>; starts it on first use.</summary>
    public Uri BaseAddress => _server.Value.BaseAddress;

    /// <summary>The account's base, e.g. <c>http://127.0.0.1:51234/1234567-sb1</c>.</summary>
    public Uri AccountBase(string accountId) => _server.Value.AccountBase(accountId);

    /// <summary>The sandbox application's own services; starts it on first use.</summary>
    internal IServiceProvider Services => _server.Value.Services;

    // The sandbox is an application of its own, so it is built and started outside the execution context of whoever first
    // asks for its address: nothing that flows with that context reaches it — not the caller's Activity, and not the
    // listener a test host (WebApplicationFactory) keeps on the entry point's flow, which configures every host built in
    // that flow, not only the first (HostFactoryResolver's HostingListener in dotnet/runtime) and so gave the sandbox the
    // test's log levels and log providers whenever the bot's start-up happened to build it there. Options are built
    // synchronously, so the start is waited for here; there is no synchronization context to deadlock on.
    private static SandboxServer StartDetached(Action<SandboxOptions> configure)
    {
        Task<SandboxServer> start;
        using (ExecutionContext.SuppressFlow())
        {
            start = Task.Run(() => SandboxServer.StartAsync(configure));
        }

        return start.GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.IsValueCreated)
        {
            await _server.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
