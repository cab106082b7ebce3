using Onboarding.Engine.Conversations;
using Onboarding.Engine.Conversations.Inbox;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// Slack's way into the command inbox: a command is stored (once per delivery id) before Slack gets its 200, so Slack is
/// answered within its three seconds and nothing acknowledged is lost. Never waits for the engine.
/// </summary>
internal sealed class SlackInbox(CommandInbox inbox)
{
    /// <summary>Stores <paramref name="command"/>; false when the inbox is full (answer with <see cref="Answer"/>).</summary>
    public async Task<bool> TryAcceptAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.DeliveryId is null)
        {
            throw new ArgumentException("A Slack command needs a delivery id.", nameof(command));
        }

        return await inbox.AcceptAsync(command, cancellationToken).ConfigureAwait(false) != InboxOutcome.Busy;
    }

    /// <summary>
    /// 200 once stored (or recognised as a retry of a stored one); 503 when busy, which Slack retries a few times over the
    /// next minutes (https://api.slack.com/apis/events-api#retries).
    /// </summary>
    public static IResult Answer(bool accepted) => accepted ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
}
