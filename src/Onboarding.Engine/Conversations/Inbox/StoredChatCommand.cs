using System.Text.Json;

namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>
/// A <see cref="ChatCommand"/> as the command inbox stores it: plain JSON, the conversation in its stable text form. The shape
/// is stored data: rows written by an older build must still read, so members are only ever added (with defaults).
/// </summary>
public sealed record StoredChatCommand(
    string Conversation,
    string UserId,
    string UserName,
    string Verb,
    string? Argument,
    Dictionary<string, string> Data,
    string? DeliveryId,
    bool IsSharedConversation)
{
    public static string Serialize(ChatCommand command) => JsonSerializer.Serialize(
        new StoredChatCommand(
            command.Conversation.ToString(),
            command.User.Id,
            command.User.Name,
            command.Verb,
            command.Argument,
            new Dictionary<string, string>(command.Data),
            command.DeliveryId,
            command.IsSharedConversation),
        JsonSerializerOptions.Web);

    public static ChatCommand Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredChatCommand>(json, JsonSerializerOptions.Web)
            ?? throw new JsonException("An inbox row holds no command.");
        return new ChatCommand(
            ConversationKey.Parse(stored.Conversation),
            new ChatUser(stored.UserId, stored.UserName),
            stored.Verb,
            stored.Argument,
            stored.Data,
            stored.DeliveryId,
            stored.IsSharedConversation);
    }
}
