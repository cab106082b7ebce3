using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Conversations.Inbox;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Bot.Teams;

/// <summary>
/// The Bot Framework edge: remembers where each conversation lives and what language and time zone its sender's client
/// told (<see cref="ConversationLocales"/>), then stores messages, card clicks and joins in the command inbox and answers
/// Teams once they are stored. Answers go out through <see cref="IChatPublisher"/>, never straight from here — except
/// instant answers (help, the welcome), which the engine gives within the turn itself.
/// </summary>
internal sealed class TeamsBot(
    CommandInbox inbox,
    IChatCommandHandler engine,
    ConversationReferenceStore references,
    ConversationLocales locales) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is { Length: > 0 } && !string.IsNullOrEmpty(activity.ServiceUrl))
        {
            // Stored on every turn, before the command is stored: the service URL can change, and answers are proactive. A
            // message answered on the spot (help) needs no reference, so a repeat of one stored here lately is not written (nor
            // its unchanged locale).
            var reference = JsonConvert.SerializeObject(WithoutNames(activity.GetConversationReference()));
            var conversation = ActivityCommands.ConversationOf(activity);
            var told = ActivityLocale.Of(activity);
            if (IsInstant(turnContext))
            {
                await references.SaveUnlessRecentAsync(conversation, reference, cancellationToken).ConfigureAwait(false);
                await locales.RememberUnlessRecentAsync(conversation, told, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await references.SaveAsync(conversation, reference, cancellationToken).ConfigureAwait(false);
                await locales.RememberAsync(conversation, told, cancellationToken).ConfigureAwait(false);
            }
        }

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The reference without display names (the last speaker's, the channel's): posting needs ids only, and a stored name
    /// would outlive its person's erasure (docs/operations.md). Copies, so the activity itself keeps its names.
    /// </summary>
    internal static ConversationReference WithoutNames(ConversationReference reference)
    {
        if (reference.User is { } user)
        {
            reference.User = new ChannelAccount(user.Id, name: null, user.Role, user.AadObjectId);
        }

        if (reference.Conversation is { } conversation)
        {
            reference.Conversation = new ConversationAccount(conversation.IsGroup, conversation.ConversationType, conversation.Id, name: null, conversation.AadObjectId, conversation.Role, conversation.TenantId);
        }

        return reference;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (!await AcceptAsync(turnContext, ActivityCommands.FromMessage(turnContext.Activity), cancellationToken).ConfigureAwait(false))
        {
            await turnContext.SendActivityAsync(Busy(turnContext.Activity), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var command = ActivityCommands.FromCardAction(turnContext.Activity, invokeValue.Action);
        if (command is null)
        {
            return Answer(StatusCodes.Status400BadRequest, "application/vnd.microsoft.error", new Error("BadRequest", "The card action names no verb."));
        }

        return await AcceptAsync(turnContext, command, cancellationToken).ConfigureAwait(false)
            ? Answer(StatusCodes.Status200OK, "application/vnd.microsoft.activity.message", WorkingOnIt(turnContext.Activity))
            : Answer(StatusCodes.Status503ServiceUnavailable, "application/vnd.microsoft.error", new Error("ServiceUnavailable", Busy(turnContext.Activity)));
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botJoined = membersAdded.Any(m => m.Id == activity.Recipient?.Id);
        var personJoinedPrivateChat = !ActivityCommands.IsShared(activity) && membersAdded.Any(m => m.Id != activity.Recipient?.Id);

        // One welcome per turn; in shared conversations only when the bot itself arrives, so new team members are not spammed.
        if (botJoined || personJoinedPrivateChat)
        {
            await AcceptAsync(turnContext, ActivityCommands.Welcome(activity), cancellationToken).ConfigureAwait(false);
        }
    }

    // An instant answer is given here and now, in the turn (nothing to store: it changes nothing, and a re-sent delivery
    // just shows it again); anything else is stored for a worker. False when the inbox refused it as busy.
    private async Task<bool> AcceptAsync(ITurnContext turn, ChatCommand command, CancellationToken cancellationToken)
    {
        if (engine.AnswersAtOnce(command))
        {
            using (InlineReply.Begin(turn, command.Conversation))
            {
                await engine.HandleAsync(command, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        return await inbox.AcceptAsync(command, cancellationToken).ConfigureAwait(false) != InboxOutcome.Busy;
    }

    private bool IsInstant(ITurnContext turn) =>
        turn.Activity.Type == ActivityTypes.Message && engine.AnswersAtOnce(ActivityCommands.FromMessage(turn.Activity.AsMessageActivity()));

    /// <summary>What the clicking person sees at once after an <c>Action.Execute</c>; the card itself updates for everyone.</summary>
    internal static string WorkingOnIt(IActivity activity) => SpeakerOf(activity).Say(nameof(Host_WorkingOnIt));

    private static string Busy(IActivity activity) => SpeakerOf(activity).Say(nameof(Host_Busy));

    // An answer inside the turn goes to the person who just spoke: their client's language.
    private static Wording SpeakerOf(IActivity activity) => activity is Activity full ? ActivityLocale.Of(full).Wording : Wording.English;

    private static AdaptiveCardInvokeResponse Answer(int status, string type, object value) =>
        new() { StatusCode = status, Type = type, Value = value };
}
