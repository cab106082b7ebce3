using System.Diagnostics;
using Onboarding.Bot.Sandbox;

namespace Onboarding.Bot.Tests.Sandbox;

/// <summary>
/// The embedded sandbox is an application of its own: whatever flows with the code that first asks for its address does
/// not reach its host. A test host (WebApplicationFactory) keeps a listener on its entry point's flow that configures
/// every host built there; when the bot's start-up built the sandbox in that flow, the sandbox took the test's settings
/// and log providers, and its redirect log (with an authorization code) turned up in a test's recorded logs.
/// </summary>
public sealed class EmbeddedSandboxIsolationTests
{
    private static readonly AsyncLocal<object?> Flow = new();

    [Fact]
    public async Task A_host_listener_on_the_callers_flow_does_not_configure_the_sandbox()
    {
        var caller = new object();
        using var listener = new FlowHostListener(caller);
        await using var sandbox = new EmbeddedSandbox(_ => { }, () => true);

        Flow.Value = caller;
        _ = sandbox.BaseAddress;
        Flow.Value = null;

        Assert.Null(sandbox.Services.GetService<Intercepted>());
        Assert.Equal(0, listener.Configured);
    }

    [Fact]
    public async Task The_sandbox_also_starts_for_a_caller_whose_flow_is_already_suppressed()
    {
        await using var sandbox = new EmbeddedSandbox(options => options.EnableTestControl = true, () => true);

        Uri address;
        using (ExecutionContext.SuppressFlow())
        {
            address = sandbox.BaseAddress;
        }

        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(System.Net.IPAddress.Loopback.ToString(), address.Host);
        Assert.True((await client.GetAsync("_sandbox/clock")).IsSuccessStatusCode);
    }

    private sealed class Intercepted;

    // What WebApplicationFactory's listener does: hosts built on the marked flow get a service of the listener's.
    private sealed class FlowHostListener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly object _flow;
        private readonly IDisposable _all;
        private readonly List<IDisposable> _hosting = [];
        private int _configured;

        public FlowHostListener(object flow)
        {
            _flow = flow;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Configured => Volatile.Read(ref _configured);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.Extensions.Hosting")
            {
                lock (_hosting)
                {
                    _hosting.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "HostBuilding" && ReferenceEquals(Flow.Value, _flow) && value.Value is IHostBuilder builder)
            {
                Interlocked.Increment(ref _configured);
                builder.ConfigureServices(services => services.AddSingleton(new Intercepted()));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_hosting)
            {
                _hosting.ForEach(s => s.Dispose());
            }
        }
    }
}
