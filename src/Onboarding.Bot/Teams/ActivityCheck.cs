using Microsoft.Bot.Schema;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Teams;

/// <summary>
/// What an activity must look like before the Bot Framework adapter sees it (docs/security.md): a type, a served channel,
/// a conversation, an absolute https service URL (plain http only to this machine, and only in local anonymous mode,
/// where the Agents Playground and the tests live), and ids and names within <see cref="ChatInputLimits"/>.
/// </summary>
internal static class ActivityCheck
{
    /// <summary>The refusal for <paramref name="activity"/> (its status and a reason for the log), or null when it may pass.</summary>
    public static (int Status, string Reason)? Problem(Activity? activity, bool localAnonymous, IReadOnlyList<string> servedChannels)
    {
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return (StatusCodes.Status400BadRequest, "not an activity (no type)");
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return (StatusCodes.Status400BadRequest, "no channelId");
        }

        if (!servedChannels.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status403Forbidden, $"channel '{Shorten(activity.ChannelId)}' is not served (Bot:OtherChannels)");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return (StatusCodes.Status400BadRequest, "no serviceUrl");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || !(serviceUrl.Scheme == Uri.UriSchemeHttps || (localAnonymous && serviceUrl.Scheme == Uri.UriSchemeHttp && serviceUrl.IsLoopback)))
        {
            return (StatusCodes.Status400BadRequest, localAnonymous
                ? "serviceUrl is neither an absolute https URL nor http on this machine"
                : "serviceUrl is not an absolute https URL");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return (StatusCodes.Status400BadRequest, "no conversation id");
        }

        // A conversation key joins channel, workspace and conversation with '|' (ConversationKey).
        if (activity.ChannelId.Contains('|', StringComparison.Ordinal) || activity.Conversation.TenantId?.Contains('|', StringComparison.Ordinal) == true)
        {
            return (StatusCodes.Status400BadRequest, "a channel or tenant id with '|'");
        }

        if (!ChatInputLimits.IdsFit(
                activity.Id, activity.ReplyToId, activity.ServiceUrl, activity.ChannelId, activity.Conversation.Id, activity.Conversation.TenantId,
                activity.From?.Id, activity.From?.AadObjectId, activity.Recipient?.Id)
            || !ChatInputLimits.NamesFit(activity.From?.Name, activity.Recipient?.Name, activity.Conversation.Name))
        {
            return (StatusCodes.Status400BadRequest, "an id or name longer than any channel sends");
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
