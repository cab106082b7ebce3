namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>A fact that drives the Agents Playground in Chromium; skipped without them, except under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Prerequisites.SkipReason(Prerequisites.MissingForBrowser());
}
