using System.Collections.Concurrent;
using Onboarding.Bot.Slack.Install;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack;

/// <summary>
/// Slack sends no locale with events, clicks or slash commands; <c>users.info</c> with <c>include_locale</c> tells a
/// member's locale and time zone (https://docs.slack.dev/reference/methods/users.info, Tier 4). Answers — and failures,
/// such as a workspace that installed the app before it asked for <c>users:read</c> — are kept for
/// <see cref="Lifetime"/> per member, for at most <see cref="MaxMembers"/> members, so a busy channel costs one call per
/// person a day. Never throws but for cancellation: an unknown locale is empty, and the conversation keeps what it had.
/// </summary>
internal sealed class SlackUserLocales(SlackWebApiClient api, SlackBotTokens tokens, TimeProvider timeProvider, ILogger<SlackUserLocales> logger) : IUserLocaleSource
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public const int MaxMembers = 10_000;

    private static readonly ChannelLocale Unknown = new(null, null);

    private readonly ConcurrentDictionary<(string Team, string User), (ChannelLocale Locale, DateTimeOffset At)> _known = new();

    public string Channel => SlackConversation.ChannelName;

    public async Task<ChannelLocale> FindAsync(ConversationKey conversation, ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(user.Id))
        {
            return Unknown;
        }

        var key = (conversation.Workspace, user.Id);
        var now = timeProvider.GetUtcNow();
        if (_known.TryGetValue(key, out var known) && now - known.At < Lifetime)
        {
            return known.Locale;
        }

        var locale = await AskAsync(conversation.Workspace, user.Id, cancellationToken).ConfigureAwait(false);
        if (_known.Count >= MaxMembers)
        {
            // Bounded: forgetting everyone costs one call per member again, never unbounded memory.
            _known.Clear();
        }

        _known[key] = (locale, now);
        return locale;
    }

    private async Task<ChannelLocale> AskAsync(string team, string user, CancellationToken cancellationToken)
    {
        var token = await tokens.FindAsync(team, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return Unknown;
        }

        var answer = await api.UserInfoAsync(token.Value, user, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            SlackLocaleUnknown(logger, team, answer.Error.Code);
            return Unknown;
        }

        return new ChannelLocale(answer.Value.User.Locale, answer.Value.User.Tz);
    }
}
