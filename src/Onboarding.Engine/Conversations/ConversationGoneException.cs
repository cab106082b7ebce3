namespace Onboarding.Engine.Conversations;

/// <summary>
/// Thrown by an <see cref="IChatPublisher"/> when the platform says the bot can no longer post in a conversation — it was
/// removed, or the channel is gone (Bot Connector 403/404, Slack <c>channel_not_found</c>, <c>not_in_channel</c>, …).
/// Callers that post on their own initiative (alerts) stop posting there; it is not a transient failure.
/// </summary>
public sealed class ConversationGoneException : Exception
{
    public ConversationGoneException(ConversationKey conversation, string reason, Exception? innerException = null)
        : base($"The bot can no longer post in {conversation}: {reason}", innerException)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Conversation = conversation;
        Reason = reason;
    }

    /// <summary>The conversation that is gone.</summary>
    public ConversationKey Conversation { get; }

    /// <summary>What the platform said, e.g. "403 Forbidden" or "not_in_channel"; never a secret.</summary>
    public string Reason { get; }
}
