using Onboarding.Bot.Chat;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Publishing;

/// <summary>
/// Shows views in Slack conversations. A slotted view is posted once, then edited in place with <c>chat.update</c>
/// using the stored <c>ts</c>; a view without a slot is a new message in the conversation (its thread, if it has one);
/// a notice about a card is a reply in that card's thread, so two onboardings in one channel keep their notices apart.
/// </summary>
internal sealed class SlackChatPublisher(
    SlackWebApiClient api,
    SlackBotTokens tokens,
    CardMessageStore cards,
    CardLocks locks,
    BlockKitRenderer renderer,
    ILogger<SlackChatPublisher> logger) : IChannelPublisher
{
    public IReadOnlyCollection<string> Channels { get; } = [SlackConversation.ChannelName];

    public async Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        var (where, token) = await LocateAsync(conversation, cancellationToken).ConfigureAwait(false);
        var message = renderer.Render(view);

        if (slot is not { } card)
        {
            Ensure(conversation, SlackWebApiClient.PostMessageMethod, await api.PostMessageAsync(token, where.ChannelId, message, where.ThreadTs, cancellationToken).ConfigureAwait(false));
            return;
        }

        await using var held = await locks.AcquireAsync($"{conversation}#{card}", cancellationToken).ConfigureAwait(false);
        if (await cards.FindAsync(conversation, card, cancellationToken).ConfigureAwait(false) is { } ts)
        {
            var updated = await api.UpdateMessageAsync(token, where.ChannelId, ts, message, cancellationToken).ConfigureAwait(false);
            if (updated.IsSuccess || updated.Error.Kind != SlackApiErrorKind.MessageGone)
            {
                await cards.SaveAsync(conversation, card, Ensure(conversation, SlackWebApiClient.UpdateMethod, updated).Ts, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Someone deleted the card: a fresh one is better than silence.
            SlackCardReposted(logger, card.Value);
        }

        var posted = await api.PostMessageAsync(token, where.ChannelId, message, where.ThreadTs, cancellationToken).ConfigureAwait(false);
        await cards.SaveAsync(conversation, card, Ensure(conversation, SlackWebApiClient.PostMessageMethod, posted).Ts, cancellationToken).ConfigureAwait(false);
    }

    public async Task PublishNoticeAsync(ConversationKey conversation, StepView notice, CardSlot relatedCard, CancellationToken cancellationToken)
    {
        var (where, token) = await LocateAsync(conversation, cancellationToken).ConfigureAwait(false);

        // Inside a thread everything stays in that thread; at the top level the notice replies under its own card
        // (or stands alone when that card was never shown).
        var parent = where.ThreadTs ?? await cards.FindAsync(conversation, relatedCard, cancellationToken).ConfigureAwait(false);
        var posted = await api.PostMessageAsync(token, where.ChannelId, renderer.Render(notice), parent, cancellationToken).ConfigureAwait(false);
        Ensure(conversation, SlackWebApiClient.PostMessageMethod, posted);
    }

    private async Task<(SlackConversation Where, BearerToken Token)> LocateAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        var where = SlackConversation.FromKey(conversation);
        var token = await tokens.FindAsync(where.TeamId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConversationGoneException(conversation, "not_installed", new SlackApiException(SlackWebApiClient.PostMessageMethod, new SlackApiError(SlackApiErrorKind.NotAuthorized, "not_installed")));
        return (where, token);
    }

    // A channel that is gone, archived or without the bot will not come back by retrying: callers posting on their own
    // initiative (alerts) must stop, so that case is reported as ConversationGoneException.
    private static SlackPostedMessage Ensure(ConversationKey conversation, string method, SlackApiResult<SlackPostedMessage> result)
    {
        if (result.IsSuccess)
        {
            return result.Value;
        }

        var failure = new SlackApiException(method, result.Error);
        throw result.Error.Kind == SlackApiErrorKind.ChannelUnavailable
            ? new ConversationGoneException(conversation, result.Error.Code, failure)
            : failure;
    }
}
