using Onboarding.Engine.Language;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>
/// A step the vendor wants run once machine access works (seed records, check prerequisites, …). Registered in DI and
/// enabled by name in <c>Onboarding:PostInstallRoutines</c>. Must be idempotent: a retry runs it again.
/// </summary>
public interface IPostInstallRoutine
{
    /// <summary>The settings name, e.g. <c>seed-configuration</c>.</summary>
    string Name { get; }

    /// <summary>The checklist label, e.g. "Seed configuration records": a phrase from Texts.resx, or <see cref="Phrase.Verbatim"/> for one language only.</summary>
    Phrase Label { get; }

    Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken);
}
