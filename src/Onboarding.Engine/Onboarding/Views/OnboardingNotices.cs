using Microsoft.Extensions.Options;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>The messages that deserve their own notification: authorization received, and onboarding completed.</summary>
public sealed class OnboardingNotices(IOptions<OnboardingOptions> options, TimeProvider timeProvider)
{
    /// <summary>
    /// Posted once and never updated, so it states only what stays true: the deadline as a clock time, not "in 59 min"
    /// (which reads wrong an hour later).
    /// </summary>
    public StepView AuthorizationReceived(OnboardingSession session)
    {
        var until = session.AdminAccessUntil is { } expires
            ? $" Admin access ends by {TimeWording.Absolute(expires, timeProvider.GetUtcNow())} at the latest."
            : string.Empty;
        return new StepView(
            $"✓ Authorization received for {session.Account}",
            $"{options.Value.AppName} has temporary admin access to {session.Account}. Next: install the bundle.",
            Tone.Good)
        {
            Body = [$"Next: install {options.Value.BundleName} — the onboarding card above has the link.{until}"],
        };
    }

    /// <summary>The notification that it is over; the card above carries the title and the details, so this says what it means.</summary>
    public StepView Completed(OnboardingSession session, Tenant? tenant)
    {
        var app = options.Value.AppName;
        var name = tenant?.DisplayName ?? session.AccountText ?? "your NetSuite account";
        var access = session.AdminAccessEndedAt is null ? "NetSuite did not confirm that the admin access was revoked." : "admin access has been revoked.";
        return new StepView("All set — nothing more to do", $"All set: {app} is connected to {name}; {access}", Tone.Good)
        {
            Body = [$"{app} now reaches {name} on its own, and health monitoring is on. The card above lists what was set up."],
            Actions = [new SubmitAction("View status", OnboardingVerbs.Status, new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = session.AccountText ?? string.Empty })],
        };
    }
}
