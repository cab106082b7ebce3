namespace Onboarding.Engine.Storage.Migrations;

/// <summary>The onboarding flow's tables (versions 10–19): sessions, authorization requests, tokens, tenants, keys, routine runs.</summary>
internal static class OnboardingMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(10, "onboarding sessions, authorization requests and delegated tokens", """
            CREATE TABLE onboarding_sessions (
                id                     TEXT NOT NULL PRIMARY KEY,
                conversation_key       TEXT NOT NULL,
                account_id             TEXT,
                account_expected       INTEGER NOT NULL,
                started_by_id          TEXT NOT NULL,
                started_by_name        TEXT NOT NULL,
                shared_conversation    INTEGER NOT NULL,
                step                   TEXT NOT NULL,
                status                 TEXT NOT NULL,
                version                INTEGER NOT NULL,
                lease_until            TEXT,
                failure_code           TEXT,
                failure_reason         TEXT,
                failure_todo           TEXT,
                failure_said           TEXT,
                authorized_role_id     INTEGER,
                authorized_role_name   TEXT,
                authorized_entity_id   INTEGER,
                authorized_at          TEXT,
                authorized_by_name     TEXT,
                admin_access_until     TEXT,
                admin_access_ended_at  TEXT,
                bundle_version         TEXT,
                app_role_id            INTEGER,
                app_role_name          TEXT,
                mapped_entity_id       INTEGER,
                connection_test_ms     INTEGER,
                created_at             TEXT NOT NULL,
                updated_at             TEXT NOT NULL,
                finished_at            TEXT
            );
            CREATE INDEX ix_onboarding_sessions_conversation ON onboarding_sessions (conversation_key, created_at);
            -- One open onboarding per account: the database, not the code, is the last word under concurrency.
            CREATE UNIQUE INDEX ux_onboarding_sessions_open_account ON onboarding_sessions (account_id)
                WHERE account_id IS NOT NULL AND status IN ('Waiting', 'Running', 'Failed');

            CREATE TABLE authorization_requests (
                state_hash         TEXT NOT NULL PRIMARY KEY,
                session_id         TEXT NOT NULL REFERENCES onboarding_sessions (id),
                protected_verifier TEXT,
                protected_link     TEXT,
                created_at         TEXT NOT NULL,
                expires_at         TEXT NOT NULL,
                consumed_at        TEXT
            );
            CREATE INDEX ix_authorization_requests_session ON authorization_requests (session_id, created_at);

            CREATE TABLE delegated_tokens (
                session_id              TEXT NOT NULL PRIMARY KEY REFERENCES onboarding_sessions (id),
                account_id              TEXT NOT NULL,
                protected_access_token  TEXT NOT NULL,
                protected_refresh_token TEXT,
                expires_at              TEXT NOT NULL,
                updated_at              TEXT NOT NULL
            );

            CREATE TABLE processed_deliveries (
                conversation_key TEXT NOT NULL,
                delivery_id      TEXT NOT NULL,
                processed_at     TEXT NOT NULL,
                PRIMARY KEY (conversation_key, delivery_id)
            );
            """),
        new(11, "tenants and tenant keys", """
            CREATE TABLE tenants (
                account_id     TEXT NOT NULL PRIMARY KEY,
                status         TEXT NOT NULL,
                company_name   TEXT,
                time_zone      TEXT,
                app_role_id    INTEGER,
                app_role_name  TEXT,
                entity_id      INTEGER,
                connected_at   TEXT,
                offboarded_at  TEXT,
                updated_at     TEXT NOT NULL
            );

            CREATE TABLE tenant_keys (
                id                      TEXT NOT NULL PRIMARY KEY,
                account_id              TEXT NOT NULL,
                session_id              TEXT,
                algorithm               TEXT NOT NULL,
                protected_private_key   TEXT,
                certificate_pem         TEXT NOT NULL,
                certificate_thumbprint  TEXT NOT NULL,
                netsuite_certificate_id TEXT,
                role_id                 INTEGER,
                entity_id               INTEGER,
                valid_from              TEXT NOT NULL,
                valid_until             TEXT NOT NULL,
                status                  TEXT NOT NULL,
                created_at              TEXT NOT NULL,
                updated_at              TEXT NOT NULL
            );
            CREATE INDEX ix_tenant_keys_account ON tenant_keys (account_id, status);
            CREATE INDEX ix_tenant_keys_session ON tenant_keys (session_id);
            """),
        new(12, "post-install routine runs", """
            CREATE TABLE post_install_runs (
                session_id   TEXT NOT NULL REFERENCES onboarding_sessions (id),
                routine      TEXT NOT NULL,
                position     INTEGER NOT NULL,
                state        TEXT NOT NULL,
                summary      TEXT,
                failure_said TEXT,
                updated_at   TEXT NOT NULL,
                PRIMARY KEY (session_id, routine)
            );
            """),
    ];
}
