using Microsoft.Playwright;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>
/// Numbered screenshots of a test's steps in artifacts/e2e (NN-step.png), replacing the previous run's. A step can also be
/// the README's picture (tests/Onboarding.EndToEnd.Tests/screenshots/): it is replaced when the run is started with
/// <c>README_SCREENSHOTS=update</c>, so the README shows what the test saw, and an ordinary run leaves the committed
/// picture alone (times on it differ on every run).
/// </summary>
internal sealed class Screenshots
{
    public const string UpdateVariable = "README_SCREENSHOTS";

    private readonly string _folder;
    private int _next = 1;

    public Screenshots(string name)
    {
        _folder = RepositoryPaths.Artifacts(Path.Combine("e2e", name));
        foreach (var old in Directory.EnumerateFiles(_folder, "*.png"))
        {
            File.Delete(old);
        }
    }

    public IList<string> Taken { get; } = [];

    public async Task TakeAsync(IPage page, string step, string? readmePicture = null)
    {
        var path = Path.Combine(_folder, $"{_next++:00}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Taken.Add(path);
        if (readmePicture is not null && Environment.GetEnvironmentVariable(UpdateVariable) == "update")
        {
            File.Copy(path, RepositoryPaths.InRepository("tests", "Onboarding.EndToEnd.Tests", "screenshots", readmePicture), overwrite: true);
        }
    }
}
