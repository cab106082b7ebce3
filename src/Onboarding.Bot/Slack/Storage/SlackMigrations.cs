using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Storage;

/// <summary>Schema for the Slack channel (versions 20–29): delivery de-duplication, per-workspace installations, the work outbox.</summary>
internal sealed class SlackMigrations : IMigrationSource
{
    public IEnumerable<Migration> Migrations => [Deliveries, Installations, Outbox];

    public static Migration Deliveries { get; } = new(20, "slack deliveries", """
        CREATE TABLE slack_deliveries (
            delivery_id TEXT NOT NULL PRIMARY KEY,
            received_at TEXT NOT NULL
        );
        CREATE INDEX ix_slack_deliveries_received ON slack_deliveries (received_at);
        """);

    public static Migration Installations { get; } = new(21, "slack installations", """
        CREATE TABLE slack_installations (
            team_id             TEXT NOT NULL PRIMARY KEY,
            team_name           TEXT,
            enterprise_id       TEXT,
            app_id              TEXT,
            bot_user_id         TEXT,
            scope               TEXT,
            protected_bot_token TEXT NOT NULL,
            installed_by        TEXT,
            installed_at        TEXT NOT NULL
        );
        """);

    // Commands acknowledged to Slack but not yet run: stored before the 200, deleted once run, so a crash loses none.
    // claimed_by names the host run working on an entry; attempts stops a command that keeps killing the host.
    public static Migration Outbox { get; } = new(22, "slack outbox", """
        CREATE TABLE slack_outbox (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id TEXT NOT NULL UNIQUE,
            command     TEXT NOT NULL,
            enqueued_at TEXT NOT NULL,
            claimed_by  TEXT,
            attempts    INTEGER NOT NULL DEFAULT 0
        );
        """);
}
