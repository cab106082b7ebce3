using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Slack;

/// <summary>
/// Where a Slack message lives: a channel (public, private or DM) and, for replies, the parent's <c>thread_ts</c>.
/// As a <see cref="ConversationKey"/> it is <c>slack|T…|C…</c> at the top level and <c>slack|T…|C…/1700000000.000100</c>
/// inside a thread, so whatever is said in a thread is answered in that thread and a thread's cards are its own.
/// A message that merely has replies (its <c>thread_ts</c> equals its own <c>ts</c>) is top level.
/// </summary>
public readonly record struct SlackConversation(string TeamId, string ChannelId, string? ThreadTs)
{
    public const string ChannelName = "slack";
    private const char ThreadSeparator = '/';

    /// <summary>True for a direct message with the bot, the only place not shared with others.</summary>
    public bool IsDirectMessage => ChannelId.StartsWith('D');

    /// <summary>Builds the conversation of a message, treating a thread parent as top level.</summary>
    public static SlackConversation OfMessage(string teamId, string channelId, string? messageTs, string? threadTs) =>
        new(teamId, channelId, string.IsNullOrEmpty(threadTs) || threadTs == messageTs ? null : threadTs);

    public ConversationKey ToKey() =>
        new(ChannelName, TeamId, ThreadTs is null ? ChannelId : $"{ChannelId}{ThreadSeparator}{ThreadTs}");

    public static SlackConversation FromKey(ConversationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Channel != ChannelName)
        {
            throw new ArgumentException($"Conversation {key} is not a Slack conversation.", nameof(key));
        }

        var separator = key.Conversation.IndexOf(ThreadSeparator, StringComparison.Ordinal);
        return separator < 0
            ? new SlackConversation(key.Workspace, key.Conversation, null)
            : new SlackConversation(key.Workspace, key.Conversation[..separator], key.Conversation[(separator + 1)..]);
    }
}
