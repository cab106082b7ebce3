namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Every migration of the engine's own tables, in order. A new table is a new entry; released entries never change.</summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "conversation references and audit log", """
            CREATE TABLE conversation_references (
                conversation_key TEXT NOT NULL PRIMARY KEY,
                channel          TEXT NOT NULL,
                reference_json   TEXT NOT NULL,
                updated_at       TEXT NOT NULL
            );
            CREATE TABLE card_messages (
                conversation_key TEXT NOT NULL,
                slot             TEXT NOT NULL,
                message_id       TEXT NOT NULL,
                updated_at       TEXT NOT NULL,
                PRIMARY KEY (conversation_key, slot)
            );
            CREATE TABLE audit_log (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                at         TEXT NOT NULL,
                actor      TEXT NOT NULL,
                account_id TEXT,
                action     TEXT NOT NULL,
                outcome    TEXT NOT NULL,
                detail     TEXT
            );
            CREATE INDEX ix_audit_log_account ON audit_log (account_id, at);
            """),
        .. OnboardingMigrations.All,
        .. NetSuiteMigrations.All,
        .. HealthMigrations.All,
        .. OperationsMigrations.All,
        .. AccessMigrations.All,
        .. StorageMigrations.All,
        .. CoordinationMigrations.All,
        .. ConfirmationMigrations.All,
        .. LanguageMigrations.All,
    ];

    public static int LatestVersion => All.Max(m => m.Version);
}
