using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Health.HealthWording;
using static Onboarding.Engine.Onboarding.Views.TimeWording;

namespace Onboarding.Engine.Health;

/// <summary>The incident card (posted once, then updated in place) and the short notices that accompany it.</summary>
public static class AlertViews
{
    /// <summary>The incident card while the tenant is down: what broke, since when, the likely cause and the fix.</summary>
    public static StepView Down(MonitoredTenant tenant, TenantHealth health, DateTimeOffset now, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(options);
        var since = health.FailingSince ?? health.StateSince;
        var cause = health.Cause ?? FailureCause.Unknown;
        var explanation = CauseExplanation.For(cause);
        var title = $"🔴 {tenant.DisplayName} — connection down since {Absolute(since, now)}";
        var muted = health.MutedUntil > now ? $" · muted until {Absolute(health.MutedUntil!.Value, now)}" : string.Empty;
        List<ViewAction> actions = [new SubmitAction("Re-run check", HealthVerbs.Recheck, Data(tenant.Account), ActionStyle.Primary)];
        if (explanation.OffersReconnect)
        {
            actions.Add(new SubmitAction("Connect again", Onboarding.OnboardingVerbs.Reconnect, Data(tenant.Account)));
        }
        else if (explanation.OffersRotation)
        {
            actions.Add(new SubmitAction("Rotate certificate", Conversations.ChatVerbs.Rotate, Data(tenant.Account)));
        }

        actions.Add(new SubmitAction("Mute 24 h", HealthVerbs.Mute, Data(tenant.Account)));
        return new StepView(title, $"{tenant.DisplayName}: connection down since {Absolute(since, now)}. {explanation.LikelyCause} {explanation.Fix}", Tone.Attention)
        {
            Subtitle = $"Down for {Duration(now - since)}{muted}",
            Facts =
            [
                new("What broke", explanation.WhatBroke),
                new("Down since", Absolute(since, now)),
                new("Last good check", health.LastGoodAt is { } good ? Absolute(good, now) : "none recorded"),
                new("Failing checks", $"{health.ConsecutiveFailures} in a row"),
                new("Likely cause", explanation.LikelyCause),
                new("What to do", explanation.Fix),
            ],
            Actions = actions,
            Footnote = Footnote(health),
        };
    }

    /// <summary>The same card once the tenant answers again.</summary>
    public static StepView Recovered(MonitoredTenant tenant, TenantHealth health, DateTimeOffset downSince, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(health);
        var title = RecoveredTitle(tenant, downSince, now);
        return new StepView(title, title, Tone.Good)
        {
            Facts =
            [
                new("Was down since", Absolute(downSince, now)),
                new("Cause was", CauseExplanation.For(health.Cause ?? FailureCause.Unknown).LikelyCause),
                new("Checked", Absolute(now, now)),
            ],
            Footnote = Footnote(health),
        };
    }

    /// <summary>The one short message that says an incident is over.</summary>
    public static StepView RecoveredNotice(MonitoredTenant tenant, DateTimeOffset downSince, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var title = RecoveredTitle(tenant, downSince, now);
        return new StepView(title, title, Tone.Good);
    }

    /// <summary>A short nudge while an incident lasts; the card above carries the detail.</summary>
    public static StepView ReminderNotice(MonitoredTenant tenant, TenantHealth health, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(health);
        var since = health.FailingSince ?? health.StateSince;
        var title = $"🔴 Still down: {tenant.DisplayName} — down for {Duration(now - since)}";
        return new StepView(title, $"{title}. {CauseExplanation.For(health.Cause ?? FailureCause.Unknown).Fix}", Tone.Attention)
        {
            Actions = [new SubmitAction("Re-run check", HealthVerbs.Recheck, Data(tenant.Account), ActionStyle.Primary), new SubmitAction("Mute 24 h", HealthVerbs.Mute, Data(tenant.Account))],
        };
    }

    internal static IReadOnlyDictionary<string, string> Data(AccountId account) => new Dictionary<string, string> { [HealthVerbs.AccountKey] = account.Value };

    private static string RecoveredTitle(MonitoredTenant tenant, DateTimeOffset downSince, DateTimeOffset now) =>
        $"🟢 {tenant.DisplayName} — recovered at {Absolute(now, now)} after {Duration(now - downSince)}";

    private static string? Footnote(TenantHealth health) =>
        health.IncidentId is null ? health.Said : string.Join(" · ", new[] { health.Said, $"Incident {health.IncidentId}" }.Where(p => p is not null));
}
