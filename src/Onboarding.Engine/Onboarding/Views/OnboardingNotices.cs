using Microsoft.Extensions.Options;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>The messages that deserve their own notification: authorization received, and onboarding completed.</summary>
public sealed class OnboardingNotices(IOptions<OnboardingOptions> options, TimeProvider timeProvider)
{
    public StepView AuthorizationReceived(OnboardingSession session)
    {
        var until = session.AdminAccessUntil is { } expires ? $" Admin access ends {TimeWording.Around(expires, timeProvider.GetUtcNow())} at the latest." : string.Empty;
        return new StepView(
            $"✓ Authorization received for {session.Account}",
            $"{options.Value.AppName} has temporary admin access to {session.Account}. Next: install the bundle.",
            Tone.Good)
        {
            Body = [$"Next: install {options.Value.BundleName} — the onboarding card above has the link.{until}"],
        };
    }

    public StepView Completed(OnboardingSession session, Tenant? tenant) => new(
        $"🎉 {tenant?.DisplayName ?? session.AccountText} is connected",
        $"{options.Value.AppName} is connected to {session.Account}; "
            + (session.AdminAccessEndedAt is null ? "NetSuite did not confirm that the admin access was revoked." : "admin access has been revoked."),
        Tone.Good)
    {
        Body = ["Health monitoring is on. The onboarding card above lists what was set up."],
        Actions = [new SubmitAction("View status", OnboardingVerbs.Status, new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = session.AccountText ?? string.Empty })],
    };
}
