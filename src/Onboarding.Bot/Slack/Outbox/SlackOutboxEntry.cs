using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Slack.Outbox;

/// <summary>A claimed outbox entry: its id, the command, and how many runs have started it (this one included).</summary>
internal sealed record SlackOutboxEntry(long Id, ChatCommand Command, int Attempts);
