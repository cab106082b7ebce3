using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Health;

/// <summary>Says what the alert policy decided: the incident card in its slot, plus the short notices that notify people.</summary>
public sealed class IncidentAlerts(AlertDispatcher dispatcher, IOptions<HealthOptions> options, TimeProvider timeProvider)
{
    public async Task SendAsync(MonitoredTenant tenant, TenantHealth health, AlertKind kind, DateTimeOffset downSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(health);
        if (health.IncidentId is not { } incident)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var slot = CardSlot.ForAlert(incident);
        switch (kind)
        {
            case AlertKind.Recovered:
                await dispatcher.BroadcastAsync(w => AlertViews.Recovered(w, tenant, health, downSince, now), slot, AlertKind.Update, cancellationToken).ConfigureAwait(false);
                await dispatcher.BroadcastAsync(w => AlertViews.RecoveredNotice(w, tenant, downSince, now), null, AlertKind.Recovered, cancellationToken).ConfigureAwait(false);
                break;
            case AlertKind.Reminder:
                await dispatcher.BroadcastAsync(w => AlertViews.Down(w, tenant, health, now, options.Value), slot, AlertKind.Update, cancellationToken).ConfigureAwait(false);
                await dispatcher.BroadcastAsync(w => AlertViews.ReminderNotice(w, tenant, health, now), null, AlertKind.Reminder, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await dispatcher.BroadcastAsync(w => AlertViews.Down(w, tenant, health, now, options.Value), slot, kind, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
