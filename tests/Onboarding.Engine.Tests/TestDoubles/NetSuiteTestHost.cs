using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.TestDoubles;

/// <summary>The engine's NetSuite registration as a host would build it; NetSuite may be replaced by a handler and time by a fake clock.</summary>
public sealed class NetSuiteTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public NetSuiteTestHost(HttpMessageHandler? primaryHandler, IDictionary<string, string?>? settings = null, bool fakeTime = true, Func<DelegatingHandler>? observer = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["NetSuite:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        if (fakeTime)
        {
            collection.AddSingleton<TimeProvider>(Time);
        }

        collection.AddNetSuiteClients(configuration);
        services?.Invoke(collection);
        collection.ConfigureHttpClientDefaults(http =>
        {
            if (primaryHandler is not null)
            {
                http.ConfigurePrimaryHttpMessageHandler(() => primaryHandler);
            }

            if (observer is not null)
            {
                http.AddHttpMessageHandler(observer);
            }
        });
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
