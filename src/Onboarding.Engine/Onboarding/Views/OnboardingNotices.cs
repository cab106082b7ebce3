using Microsoft.Extensions.Options;
using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>The messages that deserve their own notification: authorization received, and onboarding completed.</summary>
public sealed class OnboardingNotices(IOptions<OnboardingOptions> options, TimeProvider timeProvider)
{
    /// <summary>
    /// Posted once and never updated, so it states only what stays true: the deadline as a clock time, not "in 59 min"
    /// (which reads wrong an hour later).
    /// </summary>
    public StepView AuthorizationReceived(Wording w, OnboardingSession session)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(session);
        var next = w.Say(nameof(Notice_AuthorizedNext), options.Value.BundleName);
        return new StepView(
            w.Say(nameof(Notice_AuthorizedTitle), session.AccountText),
            w.Say(nameof(Notice_AuthorizedSummary), options.Value.AppName, session.AccountText),
            Tone.Good)
        {
            Body = [session.AdminAccessUntil is { } expires ? w.Say(nameof(Notice_AuthorizedUntil), next, w.Absolute(expires, timeProvider.GetUtcNow())) : next],
        };
    }

    /// <summary>The notification that it is over; the card above carries the title and the details, so this says what it means.</summary>
    public StepView Completed(Wording wording, OnboardingSession session, Tenant? tenant)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(session);
        var w = wording.ForTenant(tenant?.TimeZone);
        var app = options.Value.AppName;
        var name = tenant?.DisplayName ?? session.AccountText ?? w.Say(nameof(Card_YourAccount));
        var summary = session.AdminAccessEndedAt is null ? nameof(Notice_CompletedSummaryNotConfirmed) : nameof(Notice_CompletedSummary);
        return new StepView(w.Say(nameof(Notice_CompletedTitle)), w.Say(summary, app, name), Tone.Good)
        {
            Body = [w.Say(nameof(Notice_CompletedBody), app, name)],
            Actions = [new SubmitAction(w.Say(nameof(Button_ViewStatus)), OnboardingVerbs.Status, new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = session.AccountText ?? string.Empty })],
        };
    }
}
