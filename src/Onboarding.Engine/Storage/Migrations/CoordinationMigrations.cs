namespace Onboarding.Engine.Storage.Migrations;

/// <summary>
/// Work shared between instances (versions 200–209; docs/scale-out.md): leases on items of work, the durable command inbox
/// both chat channels feed, health checks claimed per tenant (in account order), and client-credentials tokens shared by every instance.
/// </summary>
internal static class CoordinationMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        // One row per item someone holds or held; an acquisition replaces the row only once lease_until has passed.
        new(200, "work leases", """
            CREATE TABLE work_leases (
                scope       TEXT NOT NULL,
                item        TEXT NOT NULL,
                holder      TEXT NOT NULL,
                lease_until TEXT NOT NULL,
                acquired_at TEXT NOT NULL,
                PRIMARY KEY (scope, item)
            );
            """),

        // Commands acknowledged to a chat platform and not yet run. available_at is when a worker may take the row: at once
        // for a new command, after the back-off for a failed one, and for a claimed one when its lease runs out — so one
        // index finds all the work there is. Rows go when their command has run or been given up.
        new(201, "command inbox", """
            CREATE TABLE chat_inbox (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                channel      TEXT NOT NULL,
                delivery_id  TEXT,
                command      TEXT NOT NULL,
                received_at  TEXT NOT NULL,
                available_at TEXT NOT NULL,
                attempts     INTEGER NOT NULL DEFAULT 0,
                claimed_by   TEXT,
                last_error   TEXT
            );
            CREATE INDEX ix_chat_inbox_available ON chat_inbox (available_at);
            CREATE INDEX ix_processed_deliveries_processed_at ON processed_deliveries (processed_at);
            """),

        // Whoever checks a tenant, or changes its health otherwise (mute), first names itself in claimed_by until claim_until;
        // the write that stores the result clears both. A claimant that dies leaves a claim that others take once it ends.
        new(202, "health checks claimed per tenant", """
            ALTER TABLE tenant_health ADD COLUMN claimed_by TEXT;
            ALTER TABLE tenant_health ADD COLUMN claim_until TEXT;
            CREATE INDEX ix_tenant_health_next_check ON tenant_health (next_check_at);
            """),

        // The current client-credentials token of each tenant, encrypted like every secret, so an instance uses the token
        // another one minted instead of signing a new assertion.
        new(203, "shared machine tokens", """
            CREATE TABLE machine_tokens (
                account_id      TEXT NOT NULL PRIMARY KEY,
                certificate_id  TEXT NOT NULL,
                protected_token TEXT NOT NULL,
                renew_at        TEXT NOT NULL,
                minted_at       TEXT NOT NULL
            );
            """),

        // The monitor claims and writes due tenants in account order, so a batch of them shares a few pages instead of taking
        // one each: SQLite keeps a WITHOUT ROWID table in its key's order (https://www.sqlite.org/withoutrowid.html);
        // PostgreSQL has no such clause. The index on next_check_at goes: claims no longer read it, and as every check moves
        // next_check_at, it cost an index write per check — and on PostgreSQL kept each update from staying in its page
        // without touching an index (heap-only tuples, https://www.postgresql.org/docs/current/storage-hot.html).
        new(204, "tenant health kept in account order", """
            CREATE TABLE tenant_health_v204 (
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
                updated_at                   TEXT NOT NULL,
                claimed_by                   TEXT,
                claim_until                  TEXT,
                checks_passed                INTEGER NOT NULL DEFAULT 0,
                checks_failed                INTEGER NOT NULL DEFAULT 0,
                last_latency_ms              INTEGER
            ) WITHOUT ROWID;
            INSERT INTO tenant_health_v204 (account_id, state, state_since, next_check_at, last_check_at, last_good_at, consecutive_failures,
                failing_since, cause, said, incident_id, last_alert_at, muted_until, last_bundle_check_at, expiry_warned_days,
                expiry_warned_certificate_id, last_renewal_attempt_at, updated_at, claimed_by, claim_until, checks_passed, checks_failed, last_latency_ms)
                SELECT account_id, state, state_since, next_check_at, last_check_at, last_good_at, consecutive_failures,
                failing_since, cause, said, incident_id, last_alert_at, muted_until, last_bundle_check_at, expiry_warned_days,
                expiry_warned_certificate_id, last_renewal_attempt_at, updated_at, claimed_by, claim_until, checks_passed, checks_failed, last_latency_ms
                FROM tenant_health;
            DROP TABLE tenant_health;
            ALTER TABLE tenant_health_v204 RENAME TO tenant_health;
            """),
        // A claimed batch reads each tenant's active key (TenantKeyStore.ActiveKeysAsync) beside its health row. The key rows
        // also hold the encrypted private key and the certificate (one to four kilobytes), so through the old index on
        // (account_id, status) every lookup went on to a page of the table of its own. An index holding every column that read takes answers it alone
        // (https://www.sqlite.org/queryplanner.html#covidx; on PostgreSQL an index-only scan,
        // https://www.postgresql.org/docs/current/indexes-index-only-scans.html) and still serves lookups by account and status.
        new(205, "active keys read from their index", """
            DROP INDEX ix_tenant_keys_account;
            CREATE INDEX ix_tenant_keys_account ON tenant_keys (account_id, status, created_at, id, algorithm, certificate_thumbprint,
                netsuite_certificate_id, role_id, entity_id, valid_from, valid_until);
            """),
        // A tenant gets its health row in the transaction that connects it (TenantStore.UpsertAsync); before, each monitor
        // cycle looked through every tenant for those without one. Tenants connected before then and not yet seen by a
        // cycle get theirs here, due at once (their connection time is in the past), as the cycle would have given it.
        new(206, "connected tenants watched from their connection", """
            INSERT INTO tenant_health (account_id, state, state_since, next_check_at, consecutive_failures, updated_at)
            SELECT t.account_id, 'Healthy', COALESCE(t.connected_at, t.updated_at), COALESCE(t.connected_at, t.updated_at), 0, t.updated_at
            FROM tenants t
            WHERE t.status = 'Connected' AND NOT EXISTS (SELECT 1 FROM tenant_health h WHERE h.account_id = t.account_id);
            """),

        // Fair queuing between workspaces (CommandInbox): a command's turn is one past the later of its workspace's last
        // turn and the earliest turn still in the inbox, and claims go by turn. One Teams tenant or Slack workspace that
        // floods the inbox then delays its own commands, not everyone's behind them. Rows stored before this version share
        // the empty workspace and turn 0, so they go first.
        new(207, "inbox commands take turns per workspace", """
            ALTER TABLE chat_inbox ADD COLUMN workspace TEXT NOT NULL DEFAULT '';
            ALTER TABLE chat_inbox ADD COLUMN turn INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX ix_chat_inbox_turn ON chat_inbox (turn, id);
            CREATE INDEX ix_chat_inbox_workspace ON chat_inbox (workspace, turn);
            """),
    ];
}
