using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health.Commands;

/// <summary><c>alerts here</c> subscribes this conversation to connection alerts, <c>alerts off</c> stops them (staff only).</summary>
public sealed class AlertsRoute(
    AlertSubscriptionStore subscriptions,
    IOptions<HealthOptions> options,
    StaffPolicy staff,
    CommandReplies replies,
    ILogger<AlertsRoute> logger) : StaffRoute(staff, replies)
{
    public const string Here = "here";
    public const string Off = "off";

    public override IReadOnlyCollection<string> Verbs { get; } = [ChatVerbs.Alerts];

    protected override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var mode = (command.Argument ?? command.Data.GetValueOrDefault(OnboardingVerbs.ModeKey) ?? string.Empty).Trim().ToLowerInvariant();
        var view = mode switch
        {
            Here => await SubscribeAsync(command, cancellationToken).ConfigureAwait(false),
            Off => await UnsubscribeAsync(command, cancellationToken).ConfigureAwait(false),
            _ => ReplyViews.Notice("Alerts here or off?", "Type alerts here to get connection alerts in this conversation, or alerts off to stop them.", Tone.Neutral),
        };
        await Replies.ReplyAsync(command, view, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StepView> SubscribeAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!await subscriptions.SubscribeAsync(command.Conversation, command.User, cancellationToken).ConfigureAwait(false))
        {
            return ReplyViews.Notice("Alerts are already on here", "Type alerts off to stop them.", Tone.Neutral);
        }

        AlertSubscriptionChanged(logger, "on", command.Conversation.ToString(), command.User.Id);
        var reminder = HealthWording.Duration(options.Value.ReminderInterval);
        return ReplyViews.Notice(
            "🔔 Connection alerts on for this conversation",
            $"I'll post here when a tenant's NetSuite connection breaks, remind every {reminder} while it stays broken, say when it recovers, and warn before certificates expire. Type alerts off to stop.",
            Tone.Good);
    }

    private async Task<StepView> UnsubscribeAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!await subscriptions.UnsubscribeAsync(command.Conversation, cancellationToken).ConfigureAwait(false))
        {
            return ReplyViews.Notice("Alerts weren't on here", "Nothing changed. Type alerts here to turn them on.", Tone.Neutral);
        }

        AlertSubscriptionChanged(logger, "off", command.Conversation.ToString(), command.User.Id);
        return ReplyViews.Notice("🔕 Connection alerts off for this conversation", "Type alerts here to turn them back on.", Tone.Neutral);
    }
}
