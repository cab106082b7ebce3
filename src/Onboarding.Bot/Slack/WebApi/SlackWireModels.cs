using System.Text.Json.Nodes;

namespace Onboarding.Bot.Slack.WebApi;

/// <summary>Body of <c>chat.postMessage</c> and <c>chat.update</c> (<c>ts</c> only for updates).</summary>
internal sealed record SlackChatRequest(string Channel, string Text, JsonArray Blocks, string? ThreadTs = null, string? Ts = null)
{
    public bool UnfurlLinks => false;
}

/// <summary>The common envelope of every Web API answer.</summary>
internal sealed record SlackResponseEnvelope(bool Ok, string? Error, string? Needed);

/// <summary>Where a posted or updated message now lives.</summary>
public sealed record SlackPostedMessage(string Channel, string Ts);

/// <summary>What <c>oauth.v2.access</c> grants: the workspace's bot token and who installed it.</summary>
public sealed record SlackOAuthAccess(
    string AccessToken,
    string? TokenType,
    string? Scope,
    string? BotUserId,
    string? AppId,
    SlackOAuthTeam Team,
    SlackOAuthTeam? Enterprise,
    SlackOAuthUser? AuthedUser,
    bool IsEnterpriseInstall)
{
    /// <summary>Redacts the token so the record can be logged or asserted on safely.</summary>
    public override string ToString() => $"SlackOAuthAccess {{ Team = {Team.Id}, BotUserId = {BotUserId}, Scope = {Scope} }}";
}

public sealed record SlackOAuthTeam(string Id, string? Name);

public sealed record SlackOAuthUser(string Id);

/// <summary>What <c>users.info</c> says about a member (only the fields the bot reads).</summary>
public sealed record SlackUserInfo(SlackUser User);

/// <summary>A member's id, locale (with <c>include_locale</c>, e.g. <c>de-DE</c>) and IANA time zone (<c>tz</c>).</summary>
public sealed record SlackUser(string Id, string? Locale, string? Tz);
