using Onboarding.Engine.Language;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// Where a view meets its reader: builds it in the language and time zone of the conversation it goes to
/// (<see cref="ConversationLocales"/>), marks it with that language, and hands it to the channel's publisher. Every view the
/// engine shows goes through here, so a reply, a card moved on by an OAuth callback and an alert all speak the language
/// the conversation last spoke.
/// </summary>
public sealed class ChatViews(IChatPublisher publisher, ConversationLocales locales)
{
    /// <summary>Shows the view in the conversation, in place of the slot's message when there is one (<see cref="IChatPublisher.PublishAsync"/>).</summary>
    public async Task ShowAsync(ConversationKey conversation, Func<Wording, StepView> view, CardSlot? slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var built = await BuildAsync(conversation, view, cancellationToken).ConfigureAwait(false);
        await publisher.PublishAsync(conversation, built, slot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a notice about the card in <paramref name="relatedCard"/> (<see cref="IChatPublisher.PublishNoticeAsync"/>).</summary>
    public async Task NoticeAsync(ConversationKey conversation, Func<Wording, StepView> notice, CardSlot relatedCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var built = await BuildAsync(conversation, notice, cancellationToken).ConfigureAwait(false);
        await publisher.PublishNoticeAsync(conversation, built, relatedCard, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The view as the conversation's reader would get it (for callers that show it elsewhere too).</summary>
    public async Task<StepView> BuildAsync(ConversationKey conversation, Func<Wording, StepView> view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(view);
        var wording = await locales.WordingForAsync(conversation, cancellationToken).ConfigureAwait(false);
        return view(wording) with { Language = wording.Language };
    }
}
