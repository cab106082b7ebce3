using Microsoft.Extensions.Logging;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

/// <summary>
/// Delivers a health view to every subscribed conversation, each in its own language (<see cref="ChatViews"/>). A
/// conversation the bot was removed from is unsubscribed
/// (with a log entry); any other delivery failure is logged. Nothing here ever throws into the monitor, except cancellation.
/// </summary>
public sealed class AlertDispatcher(AlertSubscriptionStore subscriptions, ChatViews views, HealthMetrics metrics, ILogger<AlertDispatcher> logger)
{
    /// <summary>Shows <paramref name="view"/> in each subscribed conversation (in place when <paramref name="slot"/> was shown before); returns how many got it.</summary>
    public async Task<int> BroadcastAsync(Func<Wording, StepView> view, CardSlot? slot, AlertKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var delivered = 0;
        foreach (var conversation in await subscriptions.ActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await views.ShowAsync(conversation, view, slot, cancellationToken).ConfigureAwait(false);
                delivered++;
                metrics.AlertSent(kind);
            }
            catch (ConversationGoneException gone)
            {
                await subscriptions.DisableAsync(conversation, gone.Reason, cancellationToken).ConfigureAwait(false);
                AlertSubscriptionDisabled(logger, conversation.ToString(), gone.Reason);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                AlertDeliveryFailed(logger, e, kind, conversation.ToString());
            }
        }

        return delivered;
    }
}
