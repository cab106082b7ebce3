using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Bot.Slack.Signing;
using Onboarding.Engine.Conversations;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/interactions</c>: a button click (<c>block_actions</c>) becomes the command its value encodes.
/// URL buttons carry no value; they are acknowledged and nothing more, as Slack requires.
/// </summary>
internal sealed class SlackInteractionsHandler(SlackInbox inbox, ILogger<SlackInteractionsHandler> logger)
{
    public async Task<IResult> HandleAsync(VerifiedSlackRequest request, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body));
        if (!form.TryGetValue("payload", out var payloadJson) || Parse(payloadJson.ToString()) is not { } payload)
        {
            return Results.BadRequest();
        }

        if (payload.Type != "block_actions")
        {
            SlackPayloadIgnored(logger, $"interaction {payload.Type}");
            return Results.Ok();
        }

        if (!Fits(payload))
        {
            SlackPayloadIgnored(logger, "an id or name longer than any Slack sends");
            return Results.BadRequest();
        }

        // One click is one action. A request carrying more (Slack never sends them) gets at most one answer: the first
        // action that encodes a command, so nobody can make the bot post once per forged action.
        if (ToCommands(payload).FirstOrDefault() is { } command
            && !await inbox.TryAcceptAsync(command, cancellationToken).ConfigureAwait(false))
        {
            return SlackInbox.Answer(accepted: false);
        }

        return Results.Ok();
    }

    private static bool Fits(SlackInteractionPayload payload) =>
        ChatInputLimits.IdsFit(payload.Team?.Id, payload.User?.Id, payload.User?.TeamId, payload.Container?.ChannelId, payload.Container?.MessageTs,
            payload.Container?.ThreadTs, payload.Channel?.Id, payload.Message?.Ts, payload.Message?.ThreadTs)
        && ChatInputLimits.NamesFit(payload.User?.Name, payload.User?.Username)
        && (payload.Actions ?? []).Take(1).All(a => ChatInputLimits.IdsFit(a.ActionId, a.ActionTs, a.BlockId));

    private IEnumerable<ChatCommand> ToCommands(SlackInteractionPayload payload)
    {
        var teamId = payload.Team?.Id ?? payload.User?.TeamId;
        var channelId = payload.Container?.ChannelId ?? payload.Channel?.Id;
        if (teamId is null || channelId is null || payload.User is null)
        {
            SlackPayloadIgnored(logger, "block_actions without team, channel or user");
            yield break;
        }

        var conversation = SlackConversation.OfMessage(
            teamId,
            channelId,
            payload.Container?.MessageTs ?? payload.Message?.Ts,
            payload.Container?.ThreadTs ?? payload.Message?.ThreadTs);
        var user = new ChatUser(payload.User.Id, payload.User.Name ?? payload.User.Username ?? payload.User.Id);
        foreach (var action in payload.Actions ?? [])
        {
            if (SlackActionValue.TryDecode(action.Value) is not { } value)
            {
                SlackPayloadIgnored(logger, $"action {action.ActionId} carries no command (a link button)");
                continue;
            }

            yield return new ChatCommand(
                conversation.ToKey(),
                user,
                value.Verb,
                null,
                value.Data,
                $"action/{teamId}/{action.ActionTs}/{action.ActionId}",
                !conversation.IsDirectMessage);
        }
    }

    private static SlackInteractionPayload? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SlackInteractionPayload>(json, SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
