using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Log;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

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
        Func<Wording, StepView> view = mode switch
        {
            Here => await SubscribeAsync(command, cancellationToken).ConfigureAwait(false),
            Off => await UnsubscribeAsync(command, cancellationToken).ConfigureAwait(false),
            _ => w => ReplyViews.Notice(w, Phrase.Of(nameof(Alerts_WhichTitle)), Phrase.Of(nameof(Alerts_Which))),
        };
        await Replies.ReplyAsync(command, view, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Func<Wording, StepView>> SubscribeAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!await subscriptions.SubscribeAsync(command.Conversation, command.User, cancellationToken).ConfigureAwait(false))
        {
            return w => ReplyViews.Notice(w, Phrase.Of(nameof(Alerts_AlreadyOnTitle)), Phrase.Of(nameof(Alerts_AlreadyOn)));
        }

        AlertSubscriptionChanged(logger, "on", command.Conversation.ToString(), command.User.Id);
        var reminder = options.Value.ReminderInterval;
        return w => ReplyViews.Notice(w, w.Say(nameof(Alerts_OnTitle)), w.Say(nameof(Alerts_On), w.Duration(reminder)), Tone.Good);
    }

    private async Task<Func<Wording, StepView>> UnsubscribeAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!await subscriptions.UnsubscribeAsync(command.Conversation, cancellationToken).ConfigureAwait(false))
        {
            return w => ReplyViews.Notice(w, Phrase.Of(nameof(Alerts_WereOffTitle)), Phrase.Of(nameof(Alerts_WereOff)));
        }

        AlertSubscriptionChanged(logger, "off", command.Conversation.ToString(), command.User.Id);
        return w => ReplyViews.Notice(w, Phrase.Of(nameof(Alerts_OffTitle)), Phrase.Of(nameof(Alerts_Off)));
    }
}
