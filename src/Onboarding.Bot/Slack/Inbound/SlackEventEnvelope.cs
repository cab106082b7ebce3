namespace Onboarding.Bot.Slack.Inbound;

/// <summary>The Events API body: <c>url_verification</c> or an <c>event_callback</c> wrapping one event.</summary>
internal sealed record SlackEventEnvelope(string Type, string? Challenge, string? TeamId, string? EventId, SlackEvent? Event);

/// <summary>The inner event of an <c>event_callback</c>; only the fields the bot reads.</summary>
internal sealed record SlackEvent(
    string Type,
    string? Subtype,
    string? User,
    string? BotId,
    string? Text,
    string? Channel,
    string? ChannelType,
    string? Ts,
    string? ThreadTs);
