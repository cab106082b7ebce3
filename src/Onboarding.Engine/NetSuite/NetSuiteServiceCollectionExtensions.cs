using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Http;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Keys.Internal;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>Registers the NetSuite protocol clients, their options (validated at start-up) and tenant key material.</summary>
public static class NetSuiteServiceCollectionExtensions
{
    /// <summary>Adds the clients, bound to the <c>NetSuite</c> section of <paramref name="configuration"/>; a second call does nothing.</summary>
    public static IServiceCollection AddNetSuiteClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Several modules need the clients; registering them twice would stack a second resilience pipeline.
        if (services.Any(d => d.ServiceType == typeof(NetSuiteEndpoints)))
        {
            return services;
        }

        services.AddOptions<NetSuiteOptions>()
            .Bind(configuration.GetSection(NetSuiteOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NetSuiteOptions>, NetSuiteOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddMetrics();
        services.TryAddSingleton<NetSuiteMetrics>();
        services.TryAddSingleton<NetSuiteEndpoints>();
        services.TryAddSingleton<NetSuiteCall>();
        services.TryAddSingleton<ClientAssertionFactory>();
        services.TryAddSingleton<INetSuiteAuthorization, NetSuiteAuthorization>();
        services.TryAddSingleton<IClientCredentialsTokens, ClientCredentialsTokens>();
        services.TryAddSingleton<ICertificateClient, CertificateClient>();
        services.TryAddSingleton<ISuiteQlClient, SuiteQlClient>();
        services.TryAddSingleton<IRestletClient, RestletClient>();
        services.TryAddSingleton<IRecordClient, RecordClient>();
        services.TryAddSingleton<IKeyMaterialFactory, BouncyCastleKeyMaterialFactory>();

        // The default HttpClient loggers expose raw header values (the bearer token) in their structured state, so they
        // are replaced by one that logs method, host and path only. Request bodies are never logged. The resilience
        // pipeline's NetSuite:TotalTimeout and AttemptTimeout are the only time limits: HttpClient's own (100 s unless
        // set) would cut a longer configured total short, and costs a timer per request besides.
        services.TryAddSingleton<NetSuiteHttpLogger>();
        services.LogSuccessfulAttemptsAtDebug();
        services.AddHttpClient(NetSuiteHttpClients.Idempotent, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .KeepNoCookies()
            .RemoveAllLoggers()
            .AddLogger<NetSuiteHttpLogger>()
            .AddResilienceHandler("netsuite-idempotent", (pipeline, context) =>
                NetSuiteResilience.AddIdempotent(pipeline, context.ServiceProvider.GetRequiredService<IOptions<NetSuiteOptions>>().Value));

        services.AddHttpClient(NetSuiteHttpClients.NonIdempotent, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .KeepNoCookies()
            .RemoveAllLoggers()
            .AddLogger<NetSuiteHttpLogger>()
            .AddResilienceHandler("netsuite-non-idempotent", (pipeline, context) =>
                NetSuiteResilience.AddNonIdempotent(pipeline, context.ServiceProvider.GetRequiredService<IOptions<NetSuiteOptions>>().Value));

        return services;
    }
}
