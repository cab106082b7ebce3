using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>
/// A whole onboarding the way a person does it, in Microsoft's Teams look-alike: the bot (with its embedded NetSuite
/// sandbox) and the Agents Playground run on loopback, Chromium shows the Playground, and the test types, clicks the
/// rendered card buttons, consents and installs on the sandbox's pages, until the card says everything is done.
/// Screenshots of every step land in artifacts/e2e/onboarding; the completed card is the README's picture.
/// </summary>
public sealed class OnboardingInAgentsPlaygroundTests
{
    private const float CompletionLimit = 180_000;

    [BrowserFact]
    public async Task A_person_completes_an_onboarding_in_the_Agents_Playground()
    {
        Prerequisites.Require(Prerequisites.MissingForBrowser());
        var port = FreePort.Next();
        var publicBaseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var scratch = new ScratchFolder();
        using var bot = BotUnderTest.Start(port, new Dictionary<string, string?>
        {
            ["Bot:PublicBaseUrl"] = publicBaseUrl.AbsoluteUri.TrimEnd('/'),
            ["Sandbox:SeedFile"] = await scratch.WriteAsync("sandbox-seed.json", await DemoSeed.WithRedirectUriAsync(publicBaseUrl)),
        });
        await using var playground = await AgentsPlayground.StartAsync(new Uri(publicBaseUrl, "api/messages"));
        await using var browser = await LoopbackBrowser.LaunchAsync();
        var shots = new Screenshots("onboarding");

        await OnboardAsync(browser.Context, playground.Address, shots);

        Assert.Equal(10, shots.Taken.Count);
    }

    private static async Task OnboardAsync(IBrowserContext context, Uri playground, Screenshots shots)
    {
        var chat = await context.NewPageAsync();
        await chat.GotoAsync(playground.AbsoluteUri);
        await Expect(Cards(chat).Filter(new() { HasText = "Let's connect NetSuite" })).ToBeVisibleAsync();
        await shots.TakeAsync(chat, "welcome");

        // Words in angle brackets are words, not markup that disappears.
        await SayAsync(chat, "help");
        var help = Cards(chat).Filter(new() { HasText = "what I can do" }).Last;
        await Expect(help).ToContainTextAsync("rotate <account>");
        await Expect(help).ToContainTextAsync("offboard <account>");
        await Expect(help).ToContainTextAsync("Words in [brackets] are optional, words in <angle brackets> are required.");
        await help.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync(chat, "help");

        await SayAsync(chat, "onboard");
        var card = Cards(chat).Filter(new() { HasText = "Temporary admin access" }).Last;
        await Expect(card).ToContainTextAsync("Step 1 of 4");
        await shots.TakeAsync(chat, "authorize-card");

        var consent = await chat.RunAndWaitForPopupAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Authorize in NetSuite" }).ClickAsync());
        await Expect(consent.GetByRole(AriaRole.Heading)).ToContainTextAsync("Allow");
        await shots.TakeAsync(consent, "netsuite-consent");
        await consent.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Expect(consent.Locator("body")).ToContainTextAsync("is authorized");
        await shots.TakeAsync(consent, "authorized");
        await consent.CloseAsync();

        await Expect(card).ToContainTextAsync("Step 2 of 4");
        await card.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync(chat, "install-card");

        var install = await chat.RunAndWaitForPopupAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Open install page" }).ClickAsync());
        await Expect(install.Locator("body")).ToContainTextAsync("Not installed");
        await shots.TakeAsync(install, "bundle-page");
        await install.GetByRole(AriaRole.Button, new() { Name = "Install" }).ClickAsync();
        await Expect(install.Locator("body")).ToContainTextAsync("The bundle was installed");
        await shots.TakeAsync(install, "bundle-installed");
        await install.CloseAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "I've installed it" }).ClickAsync();
        await Expect(card).ToContainTextAsync("All four steps are done", new() { Timeout = CompletionLimit });
        await Expect(card).ToContainTextAsync(new Regex("is connected"));
        await Expect(card).ToContainTextAsync(new Regex("Admin access\\s*revoked at"));
        await card.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync(chat, "completed", readmePicture: "onboarding-completed.png");
        Assert.Empty(await CardInspection.OverflowsAsync(card));

        // The status table keeps an account id whole and calls its state column State.
        await SayAsync(chat, "status");
        // The person at the keyboard of a local demo is staff, who see every tenant.
        var status = Cards(chat).Filter(new() { HasText = "Status of every tenant" }).Last;
        await Expect(status).ToContainTextAsync("State: ");
        await Expect(status).Not.ToContainTextAsync("Where");
        await status.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync(chat, "status");
        Assert.Equal(1, await CardInspection.LinesOfAsync(status, "1234567_SB1"));

        // Every card of the conversation: nothing past its edge, every text readable on its background.
        var problems = new List<string>();
        foreach (var shown in await Cards(chat).AllAsync())
        {
            problems.AddRange(await CardInspection.OverflowsAsync(shown));
            problems.AddRange(await CardInspection.LowContrastAsync(shown));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    internal static async Task SayAsync(IPage chat, string text)
    {
        var box = chat.Locator("[data-lexical-editor='true'][role='textbox']");
        await box.ClickAsync();
        await box.PressSequentiallyAsync(text);
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send Message" }).ClickAsync();
    }

    internal static ILocator Cards(IPage page) => page.Locator(".ac-adaptiveCard");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
