using System.Text.Json.Nodes;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>A rendered Slack message: the notification/screen-reader <c>text</c> and the Block Kit <c>blocks</c>.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks);
