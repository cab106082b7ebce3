namespace Onboarding.Engine.Conversations;

/// <summary>Identifies one chat conversation across channels: channel, workspace (Teams tenant or Slack team), conversation.</summary>
public sealed record ConversationKey
{
    private const char Separator = '|';

    public ConversationKey(string channel, string workspace, string conversation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversation);
        if (channel.Contains(Separator) || workspace.Contains(Separator))
        {
            throw new ArgumentException($"Channel and workspace must not contain '{Separator}'.");
        }

        Channel = channel;
        Workspace = workspace;
        Conversation = conversation;
    }

    /// <summary>The chat platform, e.g. <c>msteams</c>, <c>webchat</c>, <c>slack</c>.</summary>
    public string Channel { get; }

    /// <summary>The Teams tenant id or Slack team id; empty when the platform has none.</summary>
    public string Workspace { get; }

    /// <summary>The platform's conversation or channel id.</summary>
    public string Conversation { get; }

    /// <summary>The workspace across channels, <c>channel|workspace</c>: whose commands take one turn together in the inbox.</summary>
    public string WorkspaceKey => $"{Channel}{Separator}{Workspace}";

    /// <summary>A stable text form for storage: <c>channel|workspace|conversation</c>.</summary>
    public override string ToString() => $"{Channel}{Separator}{Workspace}{Separator}{Conversation}";

    public static ConversationKey Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(Separator, 3);
        if (parts.Length != 3)
        {
            throw new FormatException("A conversation key has the form 'channel|workspace|conversation'.");
        }

        return new ConversationKey(parts[0], parts[1], parts[2]);
    }
}
