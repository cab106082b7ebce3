using System.Text;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Install;

/// <summary>Per-workspace bot tokens from OAuth installs, in <c>slack_installations</c>, encrypted with <see cref="ISecretProtector"/>.</summary>
public sealed class SlackInstallationStore(Database database, ISecretProtector protector)
{
    private const string Purpose = "slack.bot-token";

    public Task SaveAsync(SlackInstallation installation, BearerToken botToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var protectedToken = protector.Protect(Purpose, Encoding.UTF8.GetBytes(botToken.Value));
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO slack_installations
                (team_id, team_name, enterprise_id, app_id, bot_user_id, scope, protected_bot_token, installed_by, installed_at)
            VALUES (@team, @name, @enterprise, @app, @bot, @scope, @token, @by, @at)
            ON CONFLICT (team_id) DO UPDATE SET
                team_name = excluded.team_name, enterprise_id = excluded.enterprise_id, app_id = excluded.app_id,
                bot_user_id = excluded.bot_user_id, scope = excluded.scope, protected_bot_token = excluded.protected_bot_token,
                installed_by = excluded.installed_by, installed_at = excluded.installed_at
            """,
            new
            {
                team = installation.TeamId,
                name = installation.TeamName,
                enterprise = installation.EnterpriseId,
                app = installation.AppId,
                bot = installation.BotUserId,
                scope = installation.Scope,
                token = protectedToken,
                by = installation.InstalledBy,
                at = StoredTime.Format(installation.InstalledAt),
            },
            cancellationToken), cancellationToken);
    }

    /// <summary>The workspace's bot token, or null when the app is not installed there through OAuth.</summary>
    public async Task<BearerToken?> FindBotTokenAsync(string teamId, CancellationToken cancellationToken) =>
        await StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<string>(
            "SELECT protected_bot_token FROM slack_installations WHERE team_id = @teamId", new { teamId }, cancellationToken), cancellationToken).ConfigureAwait(false) is { } protectedToken
            ? new BearerToken(Encoding.UTF8.GetString(protector.Unprotect(Purpose, protectedToken)))
            : null;

    /// <summary>Erases a workspace's installation (uninstall or revoked tokens); true when there was one.</summary>
    public async Task<bool> RemoveAsync(string teamId, CancellationToken cancellationToken) =>
        await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            "DELETE FROM slack_installations WHERE team_id = @teamId", new { teamId }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;
}
