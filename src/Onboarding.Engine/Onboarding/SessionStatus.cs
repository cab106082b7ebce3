namespace Onboarding.Engine.Onboarding;

/// <summary>How the current step stands: waiting for a person, being worked on, failed (retryable or for good), or finished.</summary>
public enum SessionStatus
{
    /// <summary>Waiting for the user (a link to open, a button to press).</summary>
    Waiting,

    /// <summary>The engine holds a lease on the step and is working on it.</summary>
    Running,

    /// <summary>The step failed; a retry may succeed.</summary>
    Failed,

    /// <summary>The step failed in a way a retry cannot fix; admin access is revoked.</summary>
    FailedPermanently,

    Completed,

    Cancelled,
}

/// <summary>Status groupings the flow and the views share.</summary>
public static class SessionStatusExtensions
{
    /// <summary>True while the onboarding still holds its account (the database enforces one open onboarding per account).</summary>
    public static bool IsOpen(this SessionStatus status) => status is SessionStatus.Waiting or SessionStatus.Running or SessionStatus.Failed;
}
