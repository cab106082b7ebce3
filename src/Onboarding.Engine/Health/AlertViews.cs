using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>
/// The incident card (posted once, then updated in place) and the short notices that accompany it, in the reader's
/// language; times in the reader's zone, else the tenant's, else UTC.
/// </summary>
public static class AlertViews
{
    /// <summary>The incident card while the tenant is down: what broke, since when, the likely cause and the fix.</summary>
    public static StepView Down(Wording wording, MonitoredTenant tenant, TenantHealth health, DateTimeOffset now, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(options);
        var w = wording.ForTenant(tenant.TimeZone);
        var since = health.FailingSince ?? health.StateSince;
        var cause = health.Cause ?? FailureCause.Unknown;
        var explanation = CauseExplanation.For(cause);
        var likely = w.Say(explanation.LikelyCause);
        var fix = w.Say(explanation.Fix);
        var title = w.Say(nameof(Alert_DownTitle), tenant.DisplayName, w.Absolute(since, now));
        var downFor = w.Say(nameof(Alert_DownFor), w.Duration(now - since));
        List<ViewAction> actions = [new SubmitAction(w.Say(nameof(Button_RerunCheck)), HealthVerbs.Recheck, Data(tenant.Account), ActionStyle.Primary)];
        if (explanation.OffersReconnect)
        {
            actions.Add(new SubmitAction(w.Say(nameof(Button_ConnectAgain)), Onboarding.OnboardingVerbs.Reconnect, Data(tenant.Account)));
        }
        else if (explanation.OffersRotation)
        {
            actions.Add(new SubmitAction(w.Say(nameof(Button_RotateCertificate)), Conversations.ChatVerbs.Rotate, Data(tenant.Account)));
        }

        actions.Add(new SubmitAction(w.Say(nameof(Button_Mute24h)), HealthVerbs.Mute, Data(tenant.Account)));
        return new StepView(title, w.Say(nameof(Alert_DownSummary), tenant.DisplayName, w.Absolute(since, now), likely, fix), Tone.Attention)
        {
            Subtitle = health.MutedUntil > now ? w.Say(nameof(Alert_AndMuted), downFor, w.Absolute(health.MutedUntil!.Value, now)) : downFor,
            Facts =
            [
                new(w.Say(nameof(Alert_WhatBroke)), w.Say(explanation.WhatBroke)),
                new(w.Say(nameof(Alert_DownSince)), w.Absolute(since, now)),
                new(w.Say(nameof(Alert_LastGood)), health.LastGoodAt is { } good ? w.Absolute(good, now) : w.Say(nameof(Alert_NoneRecorded))),
                new(w.Say(nameof(Alert_FailingChecks)), w.Say(nameof(Alert_InARow), health.ConsecutiveFailures)),
                new(w.Say(nameof(Alert_LikelyCause)), likely),
                new(w.Say(nameof(Alert_WhatToDo)), fix),
            ],
            Actions = actions,
            Footnote = Footnote(w, health),
        };
    }

    /// <summary>The same card once the tenant answers again.</summary>
    public static StepView Recovered(Wording wording, MonitoredTenant tenant, TenantHealth health, DateTimeOffset downSince, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(health);
        var w = wording.ForTenant(tenant.TimeZone);
        var title = RecoveredTitle(w, tenant, downSince, now);
        return new StepView(title, title, Tone.Good)
        {
            Facts =
            [
                new(w.Say(nameof(Alert_WasDownSince)), w.Absolute(downSince, now)),
                new(w.Say(nameof(Alert_CauseWas)), w.Say(CauseExplanation.For(health.Cause ?? FailureCause.Unknown).LikelyCause)),
                new(w.Say(nameof(Alert_Checked)), w.Absolute(now, now)),
            ],
            Footnote = Footnote(w, health),
        };
    }

    /// <summary>The one short message that says an incident is over.</summary>
    public static StepView RecoveredNotice(Wording wording, MonitoredTenant tenant, DateTimeOffset downSince, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        var title = RecoveredTitle(wording.ForTenant(tenant.TimeZone), tenant, downSince, now);
        return new StepView(title, title, Tone.Good);
    }

    /// <summary>A short nudge while an incident lasts; the card above carries the detail.</summary>
    public static StepView ReminderNotice(Wording wording, MonitoredTenant tenant, TenantHealth health, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(health);
        var w = wording.ForTenant(tenant.TimeZone);
        var since = health.FailingSince ?? health.StateSince;
        var title = w.Say(nameof(Alert_StillDown), tenant.DisplayName, w.Duration(now - since));
        return new StepView(title, w.Say(nameof(Alert_StillDownSummary), title, w.Say(CauseExplanation.For(health.Cause ?? FailureCause.Unknown).Fix)), Tone.Attention)
        {
            Actions =
            [
                new SubmitAction(w.Say(nameof(Button_RerunCheck)), HealthVerbs.Recheck, Data(tenant.Account), ActionStyle.Primary),
                new SubmitAction(w.Say(nameof(Button_Mute24h)), HealthVerbs.Mute, Data(tenant.Account)),
            ],
        };
    }

    internal static IReadOnlyDictionary<string, string> Data(AccountId account) => new Dictionary<string, string> { [HealthVerbs.AccountKey] = account.Value };

    private static string RecoveredTitle(Wording w, MonitoredTenant tenant, DateTimeOffset downSince, DateTimeOffset now) =>
        w.Say(nameof(Alert_RecoveredTitle), tenant.DisplayName, w.Absolute(now, now), w.Duration(now - downSince));

    private static string? Footnote(Wording w, TenantHealth health)
    {
        var said = w.NetSuiteSaid(health.Said);
        var incident = health.IncidentId is { } id ? w.Say(nameof(Alert_Incident), id) : null;
        return said is null ? incident : incident is null ? said : $"{said} · {incident}";
    }
}
