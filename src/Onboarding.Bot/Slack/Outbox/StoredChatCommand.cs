using System.Text.Json;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Slack.Outbox;

/// <summary>A <see cref="ChatCommand"/> as the outbox stores it: plain JSON, the conversation in its stable text form.</summary>
internal sealed record StoredChatCommand(
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
            ?? throw new JsonException("An outbox entry holds no command.");
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
