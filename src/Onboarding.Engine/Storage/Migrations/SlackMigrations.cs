namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Schema for the Slack channel (versions 20–29): delivery de-duplication and per-workspace installations.</summary>
internal static class SlackMigrations
{
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
}
