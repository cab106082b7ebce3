using Onboarding.Engine.Language;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>One routine's state within one onboarding, as stored and shown on the checklist.</summary>
public sealed record RoutineRun(string Routine, RoutineState State, Phrase? Summary, string? Said);

/// <summary>A routine's progress: pending, running, done or failed.</summary>
public enum RoutineState
{
    Pending,
    Running,
    Done,
    Failed,
}
