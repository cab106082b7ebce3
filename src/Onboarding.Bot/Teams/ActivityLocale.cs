using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Onboarding.Engine.Language;

namespace Onboarding.Bot.Teams;

/// <summary>
/// What a Bot Framework activity says about its sender's language and time zone: the activity's <c>locale</c> and
/// <c>localTimezone</c>, else the <c>clientInfo</c> entity Teams adds (<c>locale</c>, <c>timezone</c>). See the Bot
/// Framework activity schema (https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md)
/// and docs/languages.md. The engine validates and bounds both before anything is kept.
/// </summary>
internal static class ActivityLocale
{
    private const string ClientInfo = "clientInfo";

    public static ChannelLocale Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var client = activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, ClientInfo, StringComparison.OrdinalIgnoreCase))?.Properties;
        return new ChannelLocale(
            First(activity.Locale, Text(client, "locale")),
            First(activity.LocalTimezone, Text(client, "timezone")));
    }

    private static string? First(string? preferred, string? other) => string.IsNullOrWhiteSpace(preferred) ? other : preferred;

    private static string? Text(JObject? entity, string name) => entity?[name] is JValue { Type: JTokenType.String } value ? (string?)value : null;
}
