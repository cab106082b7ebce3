using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Slack.Storage;

/// <summary>
/// Schema for the Slack channel (versions 20–29): per-workspace installations; once, delivery de-duplication and a work outbox
/// of its own, which version 210 folded into the engine's command inbox and <c>processed_deliveries</c>.
/// </summary>
internal sealed class SlackMigrations : IMigrationSource
{
    public IEnumerable<Migration> Migrations => [Deliveries, Installations, Outbox, OutboxIntoInbox];

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

    // Commands acknowledged to Slack by an older build and not yet run move into the inbox every channel shares (the stored
    // command text has the same shape), so an upgrade loses none. Slack's own delivery log goes: the inbox records delivery
    // ids in processed_deliveries, and Slack stops retrying a delivery within minutes of the acknowledgement.
    public static Migration OutboxIntoInbox { get; } = new(210, "slack outbox folded into the command inbox", """
        INSERT INTO chat_inbox (channel, delivery_id, command, received_at, available_at, attempts)
            SELECT 'slack', delivery_id, command, enqueued_at, enqueued_at, attempts FROM slack_outbox ORDER BY id;
        DROP TABLE slack_outbox;
        DROP TABLE slack_deliveries;
        """);
}
