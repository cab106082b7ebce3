using Microsoft.Playwright;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>Numbered screenshots of a test's steps in artifacts/e2e (NN-step.png), replacing the previous run's.</summary>
internal sealed class Screenshots
{
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

    public async Task TakeAsync(IPage page, string step)
    {
        var path = Path.Combine(_folder, $"{_next++:00}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Taken.Add(path);
    }
}
