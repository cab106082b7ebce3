namespace Onboarding.Tests.Shared.Storage;

/// <summary>
/// Where the tests run. On a developer machine a missing tool skips the tests that need it, with what to install; under
/// CI (<c>CI=true</c>) nothing is skipped, so a missing tool fails them.
/// </summary>
public static class TestEnvironment
{
    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Skips the running test (it must be a [SkippableFact] or [SkippableTheory]) because of <paramref name="missing"/>; fails it under CI.</summary>
    public static Exception Unavailable(string missing) =>
        InContinuousIntegration
            ? new InvalidOperationException($"CI=true, so this is a failure, not a skip: {missing}")
            : new SkipException(missing);
}
