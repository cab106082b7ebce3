using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Onboarding.Bot.Chat;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Teams;

/// <summary>
/// Posts views into Bot Framework conversations through the stored conversation reference, so the same path serves
/// replies, OAuth callbacks and alerts; a view with a <see cref="CardSlot"/> updates the card it showed before. An instant
/// answer given within its own turn (<see cref="InlineReply"/>) is sent as that turn's reply.
/// A 403 or 404 from the connector on posting throws <see cref="ConversationGoneException"/>.
/// </summary>
internal sealed class TeamsChatPublisher(
    TeamsBotAdapter adapter,
    ConversationReferenceStore references,
    CardMessageStore cards,
    CardLocks locks,
    IOptions<MicrosoftAppOptions> app,
    ILogger<TeamsChatPublisher> logger) : IChannelPublisher
{
    public IReadOnlyCollection<string> Channels => BotFrameworkChannels.All;

    public async Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(view);
        if (slot is null && InlineReply.TurnFor(conversation) is { } turn)
        {
            await turn.SendActivityAsync(CardActivity.Create(view), cancellationToken).ConfigureAwait(false);
            return;
        }

        var json = await references.FindAsync(conversation, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No conversation reference is stored for {conversation}: the bot can only post where it has been spoken to.");
        var reference = JsonConvert.DeserializeObject<ConversationReference>(json)
            ?? throw new InvalidOperationException($"The stored conversation reference for {conversation} is empty.");

        // Held until the message id is saved: a publish to the same card that follows a post still in flight (an OAuth
        // callback racing the first card) must update that card, not post a second one.
        await using var held = slot is { } locked ? await locks.AcquireAsync($"{conversation}#{locked}", cancellationToken).ConfigureAwait(false) : null;
        var shownIn = slot is { } existing ? await cards.FindAsync(conversation, existing, cancellationToken).ConfigureAwait(false) : null;

        string? postedId = null;
        try
        {
            await adapter.ContinueConversationAsync(
                app.Value.BotAppId,
                reference,
                async (turn, token) => postedId = await ShowAsync(turn, conversation, view, slot, shownIn, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ErrorResponseException e) when (e.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // The bot was removed from the conversation, or the conversation is gone: posting again will not help.
            Log.ConversationGone(logger, conversation.ToString(), (int)e.Response.StatusCode);
            throw new ConversationGoneException(conversation, $"{(int)e.Response.StatusCode} {e.Response.StatusCode}", e);
        }

        if (slot is { } posted && postedId is not null && postedId != shownIn)
        {
            await cards.SaveAsync(conversation, posted, postedId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Updates the slot's message when there is one, else posts; returns the id of the message now showing the view.</summary>
    private async Task<string?> ShowAsync(ITurnContext turn, ConversationKey conversation, StepView view, CardSlot? slot, string? shownIn, CancellationToken cancellationToken)
    {
        if (shownIn is not null)
        {
            var update = CardActivity.Create(view);
            update.Id = shownIn;
            try
            {
                await turn.UpdateActivityAsync(update, cancellationToken).ConfigureAwait(false);
                return shownIn;
            }
            catch (ErrorResponseException e) when (e.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            {
                // The message was deleted (or may no longer be edited): the view still has to reach people.
                Log.CardUpdateFellBack(logger, slot?.Value ?? string.Empty, conversation.ToString(), (int)e.Response.StatusCode);
            }
        }

        var response = await turn.SendActivityAsync(CardActivity.Create(view), cancellationToken).ConfigureAwait(false);
        return response?.Id;
    }
}
