using Onboarding.Engine.Keys;
using Onboarding.Engine.Onboarding.PostInstall;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>Everything an onboarding card shows, read in one go: the session and what hangs off it.</summary>
public sealed record OnboardingSnapshot(
    OnboardingSession Session,
    Tenant? Tenant,
    TenantKey? Key,
    IReadOnlyList<RoutineRun> Routines,
    AuthorizeLink? Link);

/// <summary>A live authorize link (it carries the state, so it is stored encrypted) and when it stops working.</summary>
public sealed record AuthorizeLink(Uri Url, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"AuthorizeLink {{ ExpiresAt = {ExpiresAt:O} }}";
}
