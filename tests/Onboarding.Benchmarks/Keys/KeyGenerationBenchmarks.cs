using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Benchmarks.Keys;

/// <summary>
/// (e) A tenant's key pair plus self-signed certificate, per algorithm, through the engine's own factory (the work the
/// flow does at the "create keys" step and certificate rotation repeats).
/// </summary>
[MemoryDiagnoser]
public class KeyGenerationBenchmarks
{
    private ServiceProvider _services = null!;
    private IKeyMaterialFactory _factory = null!;

    [Params(KeyAlgorithm.EcP256, KeyAlgorithm.EcP384, KeyAlgorithm.EcP521, KeyAlgorithm.Rsa3072, KeyAlgorithm.Rsa4096)]
    public KeyAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddNetSuiteClients(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        _factory = _services.GetRequiredService<IKeyMaterialFactory>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public TenantKeyMaterial CreateKeyPairAndCertificate() => _factory.Create(Algorithm, "1234567_SB1", TimeSpan.FromDays(730));
}
