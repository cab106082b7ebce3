using System.Globalization;
using System.Text;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Install;

/// <summary>Per-workspace bot tokens from OAuth installs, in <c>slack_installations</c>, encrypted with <see cref="ISecretProtector"/>.</summary>
public sealed class SlackInstallationStore(SqliteDatabase database, ISecretProtector protector)
{
    private const string Purpose = "slack.bot-token";

    public async Task SaveAsync(SlackInstallation installation, BearerToken botToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var protectedToken = protector.Protect(Purpose, Encoding.UTF8.GetBytes(botToken.Value));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO slack_installations
                (team_id, team_name, enterprise_id, app_id, bot_user_id, scope, protected_bot_token, installed_by, installed_at)
            VALUES ($team, $name, $enterprise, $app, $bot, $scope, $token, $by, $at)
            ON CONFLICT (team_id) DO UPDATE SET
                team_name = excluded.team_name, enterprise_id = excluded.enterprise_id, app_id = excluded.app_id,
                bot_user_id = excluded.bot_user_id, scope = excluded.scope, protected_bot_token = excluded.protected_bot_token,
                installed_by = excluded.installed_by, installed_at = excluded.installed_at
            """;
        command.Parameters.AddWithValue("$team", installation.TeamId);
        command.Parameters.AddWithValue("$name", (object?)installation.TeamName ?? DBNull.Value);
        command.Parameters.AddWithValue("$enterprise", (object?)installation.EnterpriseId ?? DBNull.Value);
        command.Parameters.AddWithValue("$app", (object?)installation.AppId ?? DBNull.Value);
        command.Parameters.AddWithValue("$bot", (object?)installation.BotUserId ?? DBNull.Value);
        command.Parameters.AddWithValue("$scope", (object?)installation.Scope ?? DBNull.Value);
        command.Parameters.AddWithValue("$token", protectedToken);
        command.Parameters.AddWithValue("$by", (object?)installation.InstalledBy ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", installation.InstalledAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The workspace's bot token, or null when the app is not installed there through OAuth.</summary>
    public async Task<BearerToken?> FindBotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT protected_bot_token FROM slack_installations WHERE team_id = $team";
        command.Parameters.AddWithValue("$team", teamId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string protectedToken
            ? new BearerToken(Encoding.UTF8.GetString(protector.Unprotect(Purpose, protectedToken)))
            : null;
    }

    /// <summary>Erases a workspace's installation (uninstall or revoked tokens); true when there was one.</summary>
    public async Task<bool> RemoveAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM slack_installations WHERE team_id = $team";
        command.Parameters.AddWithValue("$team", teamId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
