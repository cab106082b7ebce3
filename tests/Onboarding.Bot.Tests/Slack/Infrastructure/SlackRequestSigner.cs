using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>Signs requests the way Slack does (v0, HMAC-SHA256), written independently of the bot's verifier.</summary>
public sealed class SlackRequestSigner(string signingSecret)
{
    public string Sign(long timestamp, string body)
    {
        var key = Encoding.UTF8.GetBytes(signingSecret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"v0:{timestamp.ToString(CultureInfo.InvariantCulture)}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }
}
