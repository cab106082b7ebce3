namespace Onboarding.Engine.Conversations;

/// <summary>The person behind a chat command: the platform's stable id (AAD object id or Slack user id) and a display name.</summary>
public sealed record ChatUser(string Id, string Name);
