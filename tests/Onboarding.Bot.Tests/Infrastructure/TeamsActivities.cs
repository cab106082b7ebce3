using System.Text.Json.Nodes;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>Bot Framework activities as a Teams client would send them, addressed back to a connector stand-in.</summary>
public sealed class TeamsActivities(
    string serviceUrl, string conversationId = TeamsActivities.DefaultConversationId, bool shared = false, string tenantId = TeamsActivities.TenantId, string channelId = "msteams")
{
    public const string DefaultConversationId = "a:teams-conv-1";

    public const string BotId = "28:onboarding-bot";
    public const string TenantId = "tenant-1";

    /// <summary>The Entra object id the activities give <paramref name="userId"/>.</summary>
    public static string AadObjectIdOf(string userId) => $"aad-{userId}";

    /// <summary>How <c>Onboarding:Roles</c> names <paramref name="userId"/> of <paramref name="tenantId"/>.</summary>
    public static string RoleEntryOf(string userId, string tenantId = TenantId) => $"msteams:{tenantId}/{AadObjectIdOf(userId)}";

    private int _next;

    public string ConversationId => conversationId;

    /// <summary>A typed message from <paramref name="userId"/>.</summary>
    public JsonObject Message(string text, string userId = "29:user-pat", string userName = "Pat") =>
        Activity("message", userId, userName, a => a["text"] = text);

    /// <summary>A message with an @mention of the bot in front of <paramref name="text"/>, as Teams sends in channels.</summary>
    public JsonObject MentionMessage(string text, string userId = "29:user-pat", string userName = "Pat") =>
        Activity("message", userId, userName, a =>
        {
            a["text"] = $"<at>Onboarding</at> {text}";
            a["entities"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = "<at>Onboarding</at>",
                    ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "Onboarding" },
                },
            };
        });

    /// <summary>An <c>Action.Submit</c> click: no text, the action's data as <c>value</c>, replying to the card.</summary>
    public JsonObject Submit(JsonObject value, string? replyToId = null, string userId = "29:user-pat", string userName = "Pat") =>
        Activity("message", userId, userName, a =>
        {
            a["value"] = value;
            if (replyToId is not null)
            {
                a["replyToId"] = replyToId;
            }
        });

    /// <summary>An <c>Action.Execute</c> click: an <c>adaptiveCard/action</c> invoke carrying the action's verb and data.</summary>
    public JsonObject Execute(string verb, JsonObject? data = null, string? replyToId = null, string userId = "29:user-pat") =>
        Activity("invoke", userId, "Pat", a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "action-1", ["verb"] = verb, ["data"] = data ?? [] },
                ["trigger"] = "manual",
            };
            if (replyToId is not null)
            {
                a["replyToId"] = replyToId;
            }
        });

    /// <summary>A conversationUpdate announcing new members (the bot itself when <paramref name="includeBot"/>).</summary>
    public JsonObject MembersAdded(bool includeBot = true, string userId = "29:user-pat")
    {
        var members = new JsonArray { new JsonObject { ["id"] = userId, ["name"] = "Pat" } };
        if (includeBot)
        {
            members.Add(new JsonObject { ["id"] = BotId, ["name"] = "Onboarding" });
        }

        return Activity("conversationUpdate", userId, "Pat", a => a["membersAdded"] = members);
    }

    private JsonObject Activity(string type, string userId, string userName, Action<JsonObject> complete)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"incoming-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}",
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = "2026-01-01T10:00:00Z",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = AadObjectIdOf(userId) },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Onboarding" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["tenantId"] = tenantId,
                ["conversationType"] = shared ? "channel" : "personal",
                ["isGroup"] = shared,
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        complete(activity);
        return activity;
    }
}
