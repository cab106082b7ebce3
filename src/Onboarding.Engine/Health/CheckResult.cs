using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>One check's outcome: when, how long it took, and on failure the classified cause and NetSuite's own words.</summary>
public sealed record CheckResult(AccountId Account, CheckKind Kind, DateTimeOffset At, TimeSpan Latency, FailureCause? Cause = null, string? Said = null)
{
    public bool Succeeded => Cause is null;

    /// <summary>True when the outcome says nothing about the tenant's health (NetSuite was only busy).</summary>
    public bool IsInconclusive => Cause == FailureCause.RateLimited;
}
