namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read from, found by walking up from the test assembly to Onboarding.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>This test project's folder (where the npm packages are installed).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Onboarding.EndToEnd.Tests");

    /// <summary>The Node scripts and packages of the ecosystem checks (adaptivecards, ajv, @slack/bolt).</summary>
    public static string Ecosystem => Path.Combine(TestProject, "ecosystem");

    /// <summary>The pinned Microsoft 365 Agents Playground.</summary>
    public static string Playground => Path.Combine(TestProject, "playground");

    /// <summary>Where screenshots and other artifacts of a run go (ignored by git).</summary>
    public static string Artifacts(string name) => Directory.CreateDirectory(Path.Combine(Root, "artifacts", name)).FullName;

    public static string InRepository(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Onboarding.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Onboarding.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
