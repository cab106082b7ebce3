namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>
/// A command a worker of this instance has claimed from the inbox: its row, its workspace
/// (<see cref="ConversationKey.WorkspaceKey"/>, empty for rows stored before turns), the command (null when the stored text
/// cannot be read any more), and how many runs have started it, this one included.
/// </summary>
public sealed record ClaimedCommand(long Id, string Channel, string Workspace, string? DeliveryId, ChatCommand? Command, int Attempts);
