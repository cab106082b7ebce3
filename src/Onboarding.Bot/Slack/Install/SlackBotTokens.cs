using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Bot.Slack.Install;

/// <summary>Picks the bot token for a workspace: its OAuth installation first, else the single-workspace <c>Slack:BotToken</c>.</summary>
public sealed class SlackBotTokens(SlackInstallationStore installations, IOptions<SlackOptions> options)
{
    public async Task<BearerToken?> FindAsync(string teamId, CancellationToken cancellationToken)
    {
        if (await installations.FindBotTokenAsync(teamId, cancellationToken).ConfigureAwait(false) is { } installed)
        {
            return installed;
        }

        return string.IsNullOrWhiteSpace(options.Value.BotToken) ? null : new BearerToken(options.Value.BotToken);
    }
}
