using Microsoft.Playwright;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>
/// The machine's Chromium driven by Playwright (no browser download: <see cref="Prerequisites.ChromiumPath"/> is launched
/// directly), with every request that would leave the loopback interface aborted.
/// </summary>
internal sealed class LoopbackBrowser : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-default-apps", "--disable-features=Translate,OptimizationHints,MediaRouter",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private LoopbackBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    public IBrowserContext Context { get; }

    public static async Task<LoopbackBrowser> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Prerequisites.ChromiumPath,
                Headless = true,
                Args = Arguments,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
            // Generous limits: CI runs the test projects side by side on two cores. Nothing is timed, only waited for.
            context.SetDefaultTimeout(60_000);
            Assertions.SetDefaultExpectTimeout(60_000);
            await context.RouteAsync("**/*", RouteAsync);
            // A routed WebSocket that is not connected to its server never leaves the browser; it is closed at once.
            await context.RouteWebSocketAsync(url => !new Uri(url).IsLoopback, socket => _ = socket.CloseAsync());
            return new LoopbackBrowser(playwright, browser, context);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    /// <summary>Lets loopback requests through and aborts the rest (the Playground's UI asks a CDN for fonts; it works without them).</summary>
    private static async Task RouteAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url.Scheme is "data" or "blob" || url.IsLoopback)
        {
            await route.ContinueAsync();
            return;
        }

        await route.AbortAsync();
    }
}
