namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Connection health's tables (versions 30–39): alert subscriptions, per-tenant health and its check summary, check results.</summary>
internal static class HealthMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(30, "alert subscriptions", """
            CREATE TABLE alert_subscriptions (
                conversation_key   TEXT NOT NULL PRIMARY KEY,
                channel            TEXT NOT NULL,
                subscribed_by_id   TEXT NOT NULL,
                subscribed_by_name TEXT NOT NULL,
                subscribed_at      TEXT NOT NULL,
                disabled_at        TEXT,
                disabled_reason    TEXT
            );
            """),
        new(31, "tenant health and check results", """
            CREATE TABLE tenant_health (
                account_id                   TEXT NOT NULL PRIMARY KEY,
                state                        TEXT NOT NULL,
                state_since                  TEXT NOT NULL,
                next_check_at                TEXT NOT NULL,
                last_check_at                TEXT,
                last_good_at                 TEXT,
                consecutive_failures         INTEGER NOT NULL,
                failing_since                TEXT,
                cause                        TEXT,
                said                         TEXT,
                incident_id                  TEXT,
                last_alert_at                TEXT,
                muted_until                  TEXT,
                last_bundle_check_at         TEXT,
                expiry_warned_days           INTEGER,
                expiry_warned_certificate_id TEXT,
                last_renewal_attempt_at      TEXT,
                updated_at                   TEXT NOT NULL
            );
            CREATE TABLE health_checks (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                account_id TEXT NOT NULL,
                kind       TEXT NOT NULL,
                at         TEXT NOT NULL,
                latency_ms INTEGER NOT NULL,
                outcome    TEXT NOT NULL,
                cause      TEXT,
                said       TEXT
            );
            CREATE INDEX ix_health_checks_account ON health_checks (account_id, at);
            CREATE INDEX ix_health_checks_at ON health_checks (at);
            """),
        new(32, "check summary per tenant", """
            ALTER TABLE tenant_health ADD COLUMN checks_passed INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE tenant_health ADD COLUMN checks_failed INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE tenant_health ADD COLUMN last_latency_ms INTEGER;
            """),
    ];
}
