namespace Onboarding.Bot.Slack.Install;

/// <summary>One workspace's installation of the app, as stored (the bot token itself is kept encrypted, never here).</summary>
public sealed record SlackInstallation(
    string TeamId,
    string? TeamName,
    string? EnterpriseId,
    string? AppId,
    string? BotUserId,
    string? Scope,
    string? InstalledBy,
    DateTimeOffset InstalledAt);
