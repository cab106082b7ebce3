using Onboarding.Bot.Chat;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Publishing;

/// <summary>
/// Shows views in Slack conversations. A slotted view is posted once, then edited in place with <c>chat.update</c>
/// using the stored <c>ts</c>; a view without a slot is a notice, posted as a reply in the conversation's thread or,
/// at the top level, under the conversation's most recent card.
/// </summary>
internal sealed class SlackChatPublisher(
    SlackWebApiClient api,
    SlackBotTokens tokens,
    CardMessageStore cards,
    SlotLocks locks,
    BlockKitRenderer renderer,
    ILogger<SlackChatPublisher> logger) : IChannelPublisher
{
    public IReadOnlyCollection<string> Channels { get; } = [SlackConversation.ChannelName];

    public async Task PublishAsync(ConversationKey conversation, StepView view, CardSlot? slot, CancellationToken cancellationToken)
    {
        var where = SlackConversation.FromKey(conversation);
        var token = await tokens.FindAsync(where.TeamId, cancellationToken).ConfigureAwait(false)
            ?? throw new SlackApiException(SlackWebApiClient.PostMessageMethod, new SlackApiError(SlackApiErrorKind.NotAuthorized, "not_installed"));
        var message = renderer.Render(view);

        if (slot is not { } card)
        {
            var parent = where.ThreadTs ?? await cards.FindLatestAsync(conversation, cancellationToken).ConfigureAwait(false);
            Ensure(SlackWebApiClient.PostMessageMethod, await api.PostMessageAsync(token, where.ChannelId, message, parent, cancellationToken).ConfigureAwait(false));
            return;
        }

        using var held = await locks.AcquireAsync($"{conversation}#{card}", cancellationToken).ConfigureAwait(false);
        if (await cards.FindAsync(conversation, card, cancellationToken).ConfigureAwait(false) is { } ts)
        {
            var updated = await api.UpdateMessageAsync(token, where.ChannelId, ts, message, cancellationToken).ConfigureAwait(false);
            if (updated.IsSuccess || updated.Error.Kind != SlackApiErrorKind.MessageGone)
            {
                await cards.SaveAsync(conversation, card, Ensure(SlackWebApiClient.UpdateMethod, updated).Ts, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Someone deleted the card: a fresh one is better than silence.
            SlackCardReposted(logger, card.Value);
        }

        var posted = await api.PostMessageAsync(token, where.ChannelId, message, where.ThreadTs, cancellationToken).ConfigureAwait(false);
        await cards.SaveAsync(conversation, card, Ensure(SlackWebApiClient.PostMessageMethod, posted).Ts, cancellationToken).ConfigureAwait(false);
    }

    private static SlackPostedMessage Ensure(string method, SlackApiResult<SlackPostedMessage> result) =>
        result.IsSuccess ? result.Value : throw new SlackApiException(method, result.Error);
}
