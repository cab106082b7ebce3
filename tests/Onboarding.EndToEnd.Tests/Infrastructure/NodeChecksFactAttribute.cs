namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>A fact that needs Node.js and the ecosystem packages; skipped without them, except under CI.</summary>
public sealed class NodeChecksFactAttribute : FactAttribute
{
    public NodeChecksFactAttribute() => Skip = Prerequisites.SkipReason(Prerequisites.MissingForNodeChecks());
}

/// <summary>A theory that needs Node.js and the ecosystem packages; skipped without them, except under CI.</summary>
public sealed class NodeChecksTheoryAttribute : TheoryAttribute
{
    public NodeChecksTheoryAttribute() => Skip = Prerequisites.SkipReason(Prerequisites.MissingForNodeChecks());
}

/// <summary>A fact that drives the Agents Playground in Chromium; skipped without them, except under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Prerequisites.SkipReason(Prerequisites.MissingForBrowser());
}
