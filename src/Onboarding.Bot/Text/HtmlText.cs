using System.Net;
using Onboarding.Engine.Text;

namespace Onboarding.Bot.Text;

/// <summary>
/// The HTML pages' one escaping function (the OAuth callback page, the Slack install pages): text cleaned like on every
/// channel (<see cref="OutsideText"/>), then HTML-encoded, so nothing a URL or NetSuite supplies becomes markup.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(OutsideText.Clean(text));
}
