using Microsoft.Extensions.Options;

namespace Onboarding.Bot.Hosting;

/// <summary>Checks the <c>Bot</c> section at start-up; each message names the key and says what is wrong.</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Bot:PublicBaseUrl must be an absolute http or https URL such as http://localhost:3978; got '{options.PublicBaseUrl}'.");
        }
        else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            failures.Add($"Bot:PublicBaseUrl must not carry a query or fragment; got '{options.PublicBaseUrl}'.");
        }

        for (var i = 0; i < options.OtherChannels.Count; i++)
        {
            var channel = options.OtherChannels[i];
            if (string.IsNullOrWhiteSpace(channel) || !channel.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                failures.Add($"Bot:OtherChannels:{i} must be a Bot Framework channel id in lower case, such as webchat, directline or emulator; got '{channel}'.");
            }
            else if (channel == "slack")
            {
                failures.Add($"Bot:OtherChannels:{i} is 'slack': Slack does not come through /api/messages; set Slack:SigningSecret to serve it.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
