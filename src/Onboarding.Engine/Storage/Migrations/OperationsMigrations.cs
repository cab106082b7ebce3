namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Operations' schema changes (versions 140–159): the audit log's hash chains (docs/operations.md, "Audit").</summary>
internal static class OperationsMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(140, "audit log hash chains", """
            -- Each account's entries form one chain: hash = HMAC-SHA256 over the entry and the previous entry's hash, with a
            -- key kept encrypted in audit_keys. audit_chains holds each chain's latest hash, so a removed tail shows too.
            -- Rows written before this version have no chain and are reported as unchained.
            ALTER TABLE audit_log ADD COLUMN chain TEXT;
            ALTER TABLE audit_log ADD COLUMN previous_hash TEXT;
            ALTER TABLE audit_log ADD COLUMN hash TEXT;
            CREATE INDEX ix_audit_log_chain ON audit_log (chain, id);
            CREATE INDEX ix_audit_log_at ON audit_log (at);
            CREATE TABLE audit_chains (
                chain      TEXT NOT NULL PRIMARY KEY,
                last_hash  TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE audit_keys (
                id            INTEGER NOT NULL PRIMARY KEY,
                protected_key TEXT NOT NULL,
                created_at    TEXT NOT NULL
            );
            """),
    ];
}
