using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>A routine's outcome: a one-line summary for the checklist ("Seeded 3 configuration records"), or why it failed.</summary>
public sealed record RoutineResult(bool Succeeded, Phrase Summary, NetSuiteError? Error = null)
{
    public static RoutineResult Done(Phrase summary) => new(true, summary);

    public static RoutineResult Failed(Phrase summary, NetSuiteError? error = null) => new(false, summary, error);

    /// <summary>When a routine learnt the tenant's company name and time zone, they are stored with the tenant.</summary>
    public TenantFacts? Facts { get; init; }
}

/// <summary>What a routine learnt about the tenant.</summary>
public sealed record TenantFacts(string? CompanyName, string? TimeZone);
