using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health.Commands;

/// <summary>
/// The alert's Re-run check button: checks the tenant now; a change of state updates the alert card by itself. A check
/// that ends the incident says so through the incident's own recovery notice, so it adds no answer of its own.
/// </summary>
public sealed class RecheckRoute(HealthMonitor monitor, ITenantDirectory tenants, StaffPolicy staff, CommandReplies replies) : TenantRoute(tenants, staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [HealthVerbs.Recheck];

    protected override async Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken)
    {
        var health = await monitor.CheckNowAsync(tenant.Account, cancellationToken).ConfigureAwait(false);
        if (health?.State == HealthState.Recovered)
        {
            return;
        }

        var explanation = CauseExplanation.For(health?.Cause ?? FailureCause.Unknown);
        Func<Wording, StepView> view = health is null || health.State is HealthState.Healthy or HealthState.Recovered
            ? w => ReplyViews.Notice(w, Phrase.Of(nameof(Health_PassedTitle), tenant.DisplayName), Phrase.Of(nameof(Health_Passed)), Tone.Good)
            : w => ReplyViews.Notice(
                w,
                w.Say(nameof(Health_StillFailsTitle), tenant.DisplayName),
                $"{w.Say(explanation.LikelyCause)} {w.Say(explanation.Fix)}",
                Tone.Attention);
        await Replies.ReplyAsync(command, view, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The alert's Mute button: no reminders for the incident for a day; the card says so.</summary>
public sealed class MuteRoute(HealthMonitor monitor, IncidentAlerts alerts, ITenantDirectory tenants, TimeProvider timeProvider, StaffPolicy staff, CommandReplies replies)
    : TenantRoute(tenants, staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [HealthVerbs.Mute];

    protected override async Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken)
    {
        var muted = await monitor.MuteAsync(tenant.Account, cancellationToken).ConfigureAwait(false);
        if (muted?.MutedUntil is not { } until)
        {
            await Replies.ReplyAsync(command, w => ReplyViews.Notice(w, Phrase.Of(nameof(Health_NoIncidentTitle), tenant.DisplayName), Phrase.Of(nameof(Health_NoIncident))), cancellationToken).ConfigureAwait(false);
            return;
        }

        await alerts.SendAsync(tenant, muted, AlertKind.Update, muted.FailingSince ?? muted.StateSince, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        await Replies.ReplyAsync(
            command,
            w => ReplyViews.Notice(w, w.Say(nameof(Health_MutedTitle), tenant.DisplayName), w.Say(nameof(Health_Muted), w.ForTenant(tenant.TimeZone).Absolute(until, now))),
            cancellationToken).ConfigureAwait(false);
    }
}
