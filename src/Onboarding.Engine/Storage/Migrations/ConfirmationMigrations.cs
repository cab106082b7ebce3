namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Cards that ask before a destructive action (versions 160–179): each question is answered once.</summary>
internal static class ConfirmationMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(160, "confirmation questions", """
            CREATE TABLE confirmations (
                id               TEXT NOT NULL PRIMARY KEY,
                conversation_key TEXT NOT NULL,
                action           TEXT NOT NULL,
                subject          TEXT NOT NULL,
                asked_by         TEXT NOT NULL,
                asked_at         TEXT NOT NULL,
                answer           TEXT,
                answered_by      TEXT,
                answered_at      TEXT
            );
            """),
    ];
}
