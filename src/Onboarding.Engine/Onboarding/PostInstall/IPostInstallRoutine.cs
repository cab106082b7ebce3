namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>
/// A step the vendor wants run once machine access works (seed records, check prerequisites, …). Registered in DI and
/// enabled by name in <c>Onboarding:PostInstallRoutines</c>. Must be idempotent: a retry runs it again.
/// </summary>
public interface IPostInstallRoutine
{
    /// <summary>The settings name, e.g. <c>seed-configuration</c>.</summary>
    string Name { get; }

    /// <summary>The checklist label, e.g. "Seed configuration records".</summary>
    string Label { get; }

    Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken);
}
