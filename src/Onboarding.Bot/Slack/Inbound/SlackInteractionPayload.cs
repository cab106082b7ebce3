namespace Onboarding.Bot.Slack.Inbound;

/// <summary>The JSON in an interactivity request's <c>payload</c> form field; only <c>block_actions</c> is used.</summary>
internal sealed record SlackInteractionPayload(
    string Type,
    SlackPayloadUser? User,
    SlackPayloadTeam? Team,
    SlackPayloadContainer? Container,
    SlackPayloadChannel? Channel,
    SlackPayloadMessage? Message,
    IReadOnlyList<SlackBlockAction>? Actions);

internal sealed record SlackPayloadUser(string Id, string? Username, string? Name, string? TeamId);

internal sealed record SlackPayloadTeam(string Id);

internal sealed record SlackPayloadContainer(string? Type, string? MessageTs, string? ChannelId, string? ThreadTs);

internal sealed record SlackPayloadChannel(string Id);

internal sealed record SlackPayloadMessage(string? Ts, string? ThreadTs);

/// <summary>One clicked element: a URL button has <c>url</c> and no value; a value button carries our encoded verb and data.</summary>
internal sealed record SlackBlockAction(string? Type, string? ActionId, string? BlockId, string? Value, string? Url, string? ActionTs);
