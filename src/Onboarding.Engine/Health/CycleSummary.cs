namespace Onboarding.Engine.Health;

/// <summary>
/// What one monitor cycle did: tenants due and free when it began (other instances may have claimed some of them since),
/// checks it ran, results it pruned.
/// </summary>
public sealed record CycleSummary(int Due, int Checked, int Pruned);
