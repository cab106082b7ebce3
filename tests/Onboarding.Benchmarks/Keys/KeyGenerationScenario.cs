using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Onboarding.Benchmarks.Measurement;

namespace Onboarding.Benchmarks.Keys;

/// <summary>Runs <see cref="KeyGenerationBenchmarks"/> with BenchmarkDotNet, in process (no generated projects to build).</summary>
public static class KeyGenerationScenario
{
    public static void Run(RunSize size)
    {
        // RSA key generation spends its time searching for primes: a long-tailed, random duration, so many iterations.
        var job = size.Quick
            ? Job.Dry.WithIterationCount(3).WithWarmupCount(1)
            : Job.Default.WithWarmupCount(1).WithIterationCount(12).WithInvocationCount(1).WithUnrollFactor(1);
        var config = DefaultConfig.Instance
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "onboarding-benchmarks"))
            .WithOptions(ConfigOptions.DisableLogFile);
        BenchmarkRunner.Run<KeyGenerationBenchmarks>(config);
    }
}
