using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Teams;

/// <summary>Turns Bot Framework activities into the engine's channel-neutral <see cref="ChatCommand"/>s.</summary>
internal static class ActivityCommands
{
    private const string VerbProperty = "verb";

    /// <summary>The conversation an activity belongs to; the workspace is the Teams tenant when there is one.</summary>
    public static ConversationKey ConversationOf(IActivity activity) =>
        new(activity.ChannelId, activity.Conversation.TenantId ?? string.Empty, activity.Conversation.Id);

    /// <summary>A typed message (bot mention stripped) or an <c>Action.Submit</c> button's data.</summary>
    public static ChatCommand FromMessage(IMessageActivity activity)
    {
        if (activity.Value is JObject submitted && FromCardData(activity, verb: null, submitted) is { } clicked)
        {
            return clicked;
        }

        // In channels Teams puts "<at>Bot</at>" in front of the text; 1:1 chats carry no mention.
        var text = activity.Recipient is null ? activity.Text : activity.RemoveRecipientMention() ?? activity.Text;
        var (parsedVerb, argument) = CommandParser.Parse(text);
        return Create(activity, parsedVerb, argument, NoData);
    }

    /// <summary>An <c>Action.Execute</c> click (invoke <c>adaptiveCard/action</c>); null when it names no verb.</summary>
    public static ChatCommand? FromCardAction(IInvokeActivity activity, AdaptiveCardInvokeAction action) =>
        FromCardData(activity, action.Verb, action.Data as JObject ?? (action.Data is null ? [] : JObject.FromObject(action.Data)));

    // The verb travels as the action's verb (Execute) or as data["verb"] (Submit); the other data values become command data.
    private static ChatCommand? FromCardData(IActivity activity, string? verb, JObject data)
    {
        if (string.IsNullOrWhiteSpace(verb) && data[VerbProperty] is JValue { Value: not null } submittedVerb)
        {
            verb = submittedVerb.ToString();
        }

        if (string.IsNullOrWhiteSpace(verb))
        {
            return null;
        }

        var values = data.Properties()
            .Where(p => p.Name != VerbProperty && p.Value is JValue { Value: not null })
            .ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
        return Create(activity, verb.Trim().ToLowerInvariant(), argument: null, values);
    }

    /// <summary>The welcome a conversation gets when the bot (or, in a 1:1 chat, a person) joins it.</summary>
    public static ChatCommand Welcome(IActivity activity) => Create(activity, ChatVerbs.Welcome, argument: null, NoData);

    /// <summary>True in group chats and channels, where several people see the same cards.</summary>
    public static bool IsShared(IActivity activity) =>
        activity.Conversation.IsGroup == true
        || string.Equals(activity.Conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase)
        || string.Equals(activity.Conversation.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase);

    private static ChatCommand Create(IActivity activity, string verb, string? argument, IReadOnlyDictionary<string, string> data) =>
        new(
            ConversationOf(activity),
            new ChatUser(activity.From?.AadObjectId ?? activity.From?.Id ?? string.Empty, activity.From?.Name ?? string.Empty),
            verb,
            argument,
            data,
            activity.Id,
            IsShared(activity));

    private static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>();
}
