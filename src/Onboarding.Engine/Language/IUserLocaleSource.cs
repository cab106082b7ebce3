using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Language;

/// <summary>
/// A channel that tells a person's locale and time zone only when asked — Slack's <c>users.info</c> — unlike one that sends
/// them with every activity (Teams, whose host hands them to <see cref="ConversationLocales"/> as they arrive). Before a
/// command of its <see cref="Channel"/> runs, the engine asks it and keeps the answer for the command's conversation.
/// Implementations answer from a cache when they can and never throw but for cancellation: an unknown locale is empty.
/// </summary>
public interface IUserLocaleSource
{
    /// <summary>The <see cref="ConversationKey.Channel"/> served, e.g. <c>slack</c>.</summary>
    string Channel { get; }

    Task<ChannelLocale> FindAsync(ConversationKey conversation, ChatUser user, CancellationToken cancellationToken);
}
