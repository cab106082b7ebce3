namespace Onboarding.Engine.Health;

/// <summary>What one monitor cycle did: tenants known, checks run, results pruned.</summary>
public sealed record CycleSummary(int Tenants, int Checked, int Pruned);
