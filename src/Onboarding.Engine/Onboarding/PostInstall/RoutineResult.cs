using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>A routine's outcome: a one-line summary for the checklist ("Seeded 3 configuration records"), or why it failed.</summary>
public sealed record RoutineResult(bool Succeeded, string Summary, NetSuiteError? Error = null)
{
    public static RoutineResult Done(string summary) => new(true, summary);

    public static RoutineResult Failed(string summary, NetSuiteError? error = null) => new(false, summary, error);

    /// <summary>When a routine learnt the tenant's company name and time zone, they are stored with the tenant.</summary>
    public TenantFacts? Facts { get; init; }
}

/// <summary>What a routine learnt about the tenant.</summary>
public sealed record TenantFacts(string? CompanyName, string? TimeZone);
