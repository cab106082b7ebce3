namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>A fact that needs Node.js and the ecosystem packages; skipped without them, except under CI.</summary>
public sealed class NodeChecksFactAttribute : FactAttribute
{
    public NodeChecksFactAttribute() => Skip = Prerequisites.SkipReason(Prerequisites.MissingForNodeChecks());
}
