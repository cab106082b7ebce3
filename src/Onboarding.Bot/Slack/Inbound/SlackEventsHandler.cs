using System.Text.Json;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.Signing;
using Onboarding.Engine.Conversations;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/events</c>: answers <c>url_verification</c>, turns app mentions and direct messages into
/// commands, ignores bots (itself included), edits and other message subtypes, and erases a workspace's token on uninstall.
/// </summary>
internal sealed class SlackEventsHandler(SlackInbox inbox, SlackInstallationStore installations, ILogger<SlackEventsHandler> logger)
{
    public async Task<IResult> HandleAsync(VerifiedSlackRequest request, CancellationToken cancellationToken)
    {
        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SlackEventEnvelope>(request.Body, SlackJson.Options);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        switch (envelope)
        {
            case null:
                return Results.BadRequest();
            case { Type: "url_verification", Challenge: { } challenge }:
                return Results.Json(new { challenge });
            case { Type: "event_callback", TeamId: { } teamId, EventId: { } eventId, Event: { } inner }
                when !ChatInputLimits.IdsFit(teamId, eventId, inner.User, inner.Channel, inner.Ts, inner.ThreadTs):
                SlackPayloadIgnored(logger, "an id longer than any Slack sends");
                return Results.BadRequest();
            case { Type: "event_callback", TeamId: { } teamId, EventId: { } eventId, Event: { } inner }:
                return await OnEventAsync(teamId, eventId, inner, cancellationToken).ConfigureAwait(false);
            default:
                SlackPayloadIgnored(logger, $"envelope type {envelope.Type}");
                return Results.Ok();
        }
    }

    private async Task<IResult> OnEventAsync(string teamId, string eventId, SlackEvent inner, CancellationToken cancellationToken)
    {
        if (inner.Type is "app_uninstalled" or "tokens_revoked")
        {
            if (await installations.RemoveAsync(teamId, cancellationToken).ConfigureAwait(false))
            {
                SlackAppUninstalled(logger, teamId);
            }

            return Results.Ok();
        }

        if (ToCommand(teamId, eventId, inner) is not { } command)
        {
            return Results.Ok();
        }

        return SlackInbox.Answer(await inbox.TryAcceptAsync(command, cancellationToken).ConfigureAwait(false));
    }

    private ChatCommand? ToCommand(string teamId, string eventId, SlackEvent inner)
    {
        var isDirectMessage = inner is { Type: "message", ChannelType: "im" };
        if (inner.Type != "app_mention" && !isDirectMessage)
        {
            SlackPayloadIgnored(logger, $"event {inner.Type}");
            return null;
        }

        // Bots (this one included) carry bot_id; edits, deletions and joins carry a subtype. None is a person asking.
        if (inner.BotId is not null || inner.Subtype is not null || inner.User is null || inner.Channel is null)
        {
            SlackPayloadIgnored(logger, $"{inner.Type} from a bot, an edit or a system message");
            return null;
        }

        var conversation = SlackConversation.OfMessage(teamId, inner.Channel, inner.Ts, inner.ThreadTs);
        var (verb, argument) = SlackCommandText.Parse(inner.Text);
        return new ChatCommand(
            conversation.ToKey(),
            new ChatUser(inner.User, inner.User),
            verb,
            argument,
            new Dictionary<string, string>(),
            $"event/{eventId}",
            !isDirectMessage && !conversation.IsDirectMessage);
    }
}
