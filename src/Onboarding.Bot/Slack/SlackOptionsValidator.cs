using Microsoft.Extensions.Options;

namespace Onboarding.Bot.Slack;

/// <summary>Checks the <c>Slack</c> section at start-up; every message names the key to fix.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpBase(options.ApiBaseUrl))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL ending in '/', e.g. https://slack.com/api/.");
        }

        if (!IsHttp(options.AuthorizeUrl))
        {
            failures.Add("Slack:AuthorizeUrl must be an absolute http(s) URL, e.g. https://slack.com/oauth/v2/authorize.");
        }

        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token starting with 'xoxb-'.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Slack:ClientId and Slack:ClientSecret must be set together (OAuth v2 install).");
        }

        if (options.IsEnabled && string.IsNullOrWhiteSpace(options.BotToken) && !options.IsOAuthConfigured)
        {
            failures.Add("Slack:SigningSecret is set but the bot could not post: set Slack:BotToken (one workspace) or Slack:ClientId and Slack:ClientSecret (OAuth install).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsHttpBase(Uri uri) => IsHttp(uri) && uri.AbsolutePath.EndsWith('/');
}
