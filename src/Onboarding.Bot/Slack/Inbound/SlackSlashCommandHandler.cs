using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Onboarding.Bot.Slack.Signing;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/commands</c>: <c>/netsuite onboard 1234567_SB1</c> becomes the same command as typing
/// <c>@bot onboard 1234567_SB1</c>. Slack sends no thread for slash commands, so the answer goes to the channel.
/// </summary>
internal sealed class SlackSlashCommandHandler(SlackInbox inbox)
{
    public async Task<IResult> HandleAsync(VerifiedSlackRequest request, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body));
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;

        // Slack's reachability probe for the command URL; signed like everything else.
        if (Field("ssl_check") == "1")
        {
            return Results.Ok();
        }

        if (Field("team_id") is not { } teamId || Field("channel_id") is not { } channelId
            || Field("user_id") is not { } userId || Field("trigger_id") is not { } triggerId
            || !ChatInputLimits.IdsFit(teamId, channelId, userId, triggerId) || !ChatInputLimits.NamesFit(Field("user_name")))
        {
            return Results.BadRequest();
        }

        var conversation = new SlackConversation(teamId, channelId, null);
        var (verb, argument) = SlackCommandText.Parse(Field("text"));
        var command = new ChatCommand(
            conversation.ToKey(),
            new ChatUser(userId, Field("user_name") ?? userId),
            verb,
            argument,
            new Dictionary<string, string>(),
            $"command/{triggerId}",
            !conversation.IsDirectMessage);

        // An empty 200 keeps the channel quiet: the answer arrives as the bot's own message.
        return SlackInbox.Answer(await inbox.TryAcceptAsync(command, cancellationToken).ConfigureAwait(false));
    }
}
