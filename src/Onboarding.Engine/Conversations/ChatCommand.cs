namespace Onboarding.Engine.Conversations;

/// <summary>One thing a person asked for in a chat, typed or clicked, already stripped of platform detail.</summary>
/// <param name="Conversation">Where it was said.</param>
/// <param name="User">Who said it.</param>
/// <param name="Verb">The command verb, lower case: <c>onboard</c>, <c>status</c>, a card action's verb, ….</param>
/// <param name="Argument">The rest of a typed command (e.g. the account id), trimmed; null when absent.</param>
/// <param name="Data">A card action's data; empty for typed commands.</param>
/// <param name="DeliveryId">The platform's id for this delivery (activity id, Slack action id): a repeat is a retry, not a new request.</param>
/// <param name="IsSharedConversation">True in group chats and channels, where several people see the same cards.</param>
public sealed record ChatCommand(
    ConversationKey Conversation,
    ChatUser User,
    string Verb,
    string? Argument,
    IReadOnlyDictionary<string, string> Data,
    string? DeliveryId,
    bool IsSharedConversation);
