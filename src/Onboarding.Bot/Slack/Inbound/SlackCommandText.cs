using System.Text.RegularExpressions;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>Turns Slack message text ("&lt;@U0BOT&gt; onboard 1234567_SB1") into the engine's verb and argument.</summary>
internal static partial class SlackCommandText
{
    public static (string Verb, string? Argument) Parse(string? text) =>
        CommandParser.Parse(Decode(MentionPattern().Replace(text ?? string.Empty, " ")));

    // Slack escapes only these three in message text; undo them so "a&b" reaches the engine as typed.
    private static string Decode(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
