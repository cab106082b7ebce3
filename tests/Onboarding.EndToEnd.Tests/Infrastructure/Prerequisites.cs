namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The tools outside .NET these tests need. On a developer machine a missing one skips the tests with a message saying
/// what to install; under CI (<c>CI=true</c>) nothing is skipped, so a missing tool fails the test that needs it.
/// </summary>
internal static class Prerequisites
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>What is missing for the Node checks (cards, manifests, signatures), or null when nothing is.</summary>
    public static string? MissingForNodeChecks() =>
        MissingNode() ?? MissingPackages(RepositoryPaths.Ecosystem, "adaptivecards", "@slack/bolt", "@microsoft/app-manifest", "ajv", "jsdom");

    /// <summary>What is missing for driving the Agents Playground in a browser, or null when nothing is.</summary>
    public static string? MissingForBrowser() =>
        MissingNode()
        ?? MissingPackages(RepositoryPaths.Playground, "@microsoft/m365agentsplayground")
        ?? (File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath}: install it (Debian/Ubuntu: sudo apt-get install chromium).");

    /// <summary>Throws with <paramref name="missing"/> when it is set: the run-time guard behind the skip.</summary>
    public static void Require(string? missing)
    {
        if (missing is not null)
        {
            throw new InvalidOperationException(InContinuousIntegration ? $"CI=true, so this is a failure, not a skip: {missing}" : missing);
        }
    }

    /// <summary>The skip reason for a test needing <paramref name="missing"/>: none under CI, whatever is missing.</summary>
    public static string? SkipReason(string? missing) => InContinuousIntegration || missing is null ? null : $"Skipped: {missing}";

    /// <summary>The absolute path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);

    private static string? MissingNode() =>
        OnPath("node") is null || OnPath("npm") is null
            ? "Node.js 20+ and npm are not on PATH: install them (Debian/Ubuntu: sudo apt-get install nodejs npm)."
            : null;

    private static string? MissingPackages(string folder, params string[] packages)
    {
        var absent = packages.Where(p => !File.Exists(Path.Combine(folder, "node_modules", p, "package.json"))).ToList();
        var relative = Path.GetRelativePath(RepositoryPaths.Root, folder);
        return absent.Count == 0 ? null : $"npm packages {string.Join(", ", absent)} are not installed: run `npm ci` in {relative}.";
    }
}
