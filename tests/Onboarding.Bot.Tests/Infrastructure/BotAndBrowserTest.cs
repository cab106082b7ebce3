namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// A test class that talks to one host through Teams and an admin's browser: a fresh host (with <paramref name="settings"/>)
/// before each test, stopped after it.
/// </summary>
public abstract class BotAndBrowserTest(IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected BotTestBed Bed { get; private set; } = null!;

    protected AdminBrowser Browser { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Bed = await BotTestBed.StartAsync(settings);
        Browser = new AdminBrowser(Bed.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await Bed.DisposeAsync();
    }
}
