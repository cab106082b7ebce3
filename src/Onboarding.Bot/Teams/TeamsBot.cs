using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Onboarding.Bot.Chat;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Bot.Teams;

/// <summary>
/// The Bot Framework edge: remembers where each conversation lives and what language and time zone its sender's client
/// told (<see cref="ConversationLocales"/>), then queues messages, card clicks and joins for the engine and answers Teams at
/// once. Answers go out through <see cref="IChatPublisher"/>, never straight from here.
/// </summary>
internal sealed class TeamsBot(ChatCommandQueue queue, ConversationReferenceStore references, ConversationLocales locales, ILogger<TeamsBot> logger) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is { Length: > 0 } && !string.IsNullOrEmpty(activity.ServiceUrl))
        {
            // Stored on every turn, before the command is queued: the service URL can change, and every answer is proactive.
            var reference = JsonConvert.SerializeObject(WithoutNames(activity.GetConversationReference()));
            var conversation = ActivityCommands.ConversationOf(activity);
            await references.SaveAsync(conversation, reference, cancellationToken).ConfigureAwait(false);
            await locales.RememberAsync(conversation, ActivityLocale.Of(activity), cancellationToken).ConfigureAwait(false);
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
        if (!Enqueue(ActivityCommands.FromMessage(turnContext.Activity)))
        {
            await turnContext.SendActivityAsync(Busy(turnContext.Activity), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var command = ActivityCommands.FromCardAction(turnContext.Activity, invokeValue.Action);
        var response = command is null
            ? Answer(StatusCodes.Status400BadRequest, "application/vnd.microsoft.error", new Error("BadRequest", "The card action names no verb."))
            : Enqueue(command)
                ? Answer(StatusCodes.Status200OK, "application/vnd.microsoft.activity.message", WorkingOnIt(turnContext.Activity))
                : Answer(StatusCodes.Status503ServiceUnavailable, "application/vnd.microsoft.error", new Error("ServiceUnavailable", Busy(turnContext.Activity)));
        return Task.FromResult(response);
    }

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botJoined = membersAdded.Any(m => m.Id == activity.Recipient?.Id);
        var personJoinedPrivateChat = !ActivityCommands.IsShared(activity) && membersAdded.Any(m => m.Id != activity.Recipient?.Id);

        // One welcome per turn; in shared conversations only when the bot itself arrives, so new team members are not spammed.
        if (botJoined || personJoinedPrivateChat)
        {
            Enqueue(ActivityCommands.Welcome(activity));
        }

        return Task.CompletedTask;
    }

    private bool Enqueue(ChatCommand command)
    {
        if (queue.TryEnqueue(command))
        {
            return true;
        }

        Log.CommandQueueFull(logger, command.Verb, command.Conversation.ToString());
        return false;
    }

    /// <summary>What the clicking person sees at once after an <c>Action.Execute</c>; the card itself updates for everyone.</summary>
    internal static string WorkingOnIt(IActivity activity) => SpeakerOf(activity).Say(nameof(Host_WorkingOnIt));

    private static string Busy(IActivity activity) => SpeakerOf(activity).Say(nameof(Host_Busy));

    // An answer inside the turn goes to the person who just spoke: their client's language.
    private static Wording SpeakerOf(IActivity activity) => activity is Activity full ? ActivityLocale.Of(full).Wording : Wording.English;

    private static AdaptiveCardInvokeResponse Answer(int status, string type, object value) =>
        new() { StatusCode = status, Type = type, Value = value };
}
