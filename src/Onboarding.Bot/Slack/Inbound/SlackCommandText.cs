using System.Text.RegularExpressions;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>Turns typed text ("@bot onboard 1234567_SB1", "/netsuite status") into a verb and an argument.</summary>
internal static partial class SlackCommandText
{
    public const string HelpVerb = "help";

    public static (string Verb, string? Argument) Parse(string? text)
    {
        var plain = Decode(MentionPattern().Replace(text ?? string.Empty, " ")).Trim();
        if (plain.Length == 0)
        {
            return (HelpVerb, null);
        }

        var space = plain.IndexOfAny([' ', '\t', '\n']);
        var verb = (space < 0 ? plain : plain[..space]).ToLowerInvariant();
        var argument = space < 0 ? null : plain[(space + 1)..].Trim();
        return (verb, string.IsNullOrEmpty(argument) ? null : argument);
    }

    // Slack escapes only these three in message text; undo them so "a&b" reaches the engine as typed.
    private static string Decode(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
