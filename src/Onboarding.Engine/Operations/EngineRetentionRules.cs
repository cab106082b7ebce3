namespace Onboarding.Engine.Operations;

/// <summary>
/// Retention of the engine's tables (docs/operations.md, "Retention"). Plain SQL that SQLite and PostgreSQL both run;
/// times are compared as stored text (ISO 8601 UTC, so text order is time order).
/// </summary>
internal sealed class EngineRetentionRules : IRetentionRuleSource
{
    private const string Finished = "('Completed', 'Cancelled', 'FailedPermanently')";

    // Finished onboardings past the cutoff, except each connected tenant's latest onboarding: it is the tenant's record
    // (status shows it) and outlives the period, without names once PersonalNames has passed.
    private const string DoomedSessions = $"""
        SELECT s.id FROM onboarding_sessions s
        WHERE s.status IN {Finished} AND s.finished_at < @cutoff
          AND NOT (s.account_id IS NOT NULL
                   AND EXISTS (SELECT 1 FROM tenants t WHERE t.account_id = s.account_id AND t.status = 'Connected')
                   AND s.created_at = (SELECT MAX(o.created_at) FROM onboarding_sessions o WHERE o.account_id = s.account_id))
        """;

    private const string FinishedReauthorizations = "SELECT id FROM reauthorizations WHERE status IN ('Done', 'Failed', 'Cancelled', 'Expired') AND updated_at < @cutoff";

    private const string GoneTenants = "SELECT account_id FROM tenants WHERE status = 'Offboarded' AND offboarded_at < @cutoff";

    // Only proactive messages need a conversation's stored address, and the language and zone to speak there in: alerts,
    // and onboardings or re-authorizations still under way.
    private const string NoLongerPostedTo = """
        updated_at < @cutoff
          AND conversation_key NOT IN (SELECT conversation_key FROM alert_subscriptions WHERE disabled_at IS NULL)
          AND conversation_key NOT IN (SELECT conversation_key FROM onboarding_sessions WHERE status IN ('Waiting', 'Running', 'Failed'))
          AND conversation_key NOT IN (SELECT conversation_key FROM reauthorizations WHERE status IN ('Waiting', 'Running'))
        """;

    /// <summary>What a person's name becomes once its retention has passed.</summary>
    public const string NameRemoved = "someone";

    public IEnumerable<RetentionRule> Rules { get; } =
    [
        new("processed_deliveries", o => o.Deliveries, ["DELETE FROM processed_deliveries WHERE processed_at < @cutoff"]),

        // A lease is deleted when its holder lets go; one whose holder died stays until someone takes the item again.
        new("work_leases", o => o.Deliveries, ["DELETE FROM work_leases WHERE lease_until < @cutoff"]),
        new("authorization_requests", o => o.AuthorizationRequests,
        [
            "DELETE FROM authorization_requests WHERE created_at < @cutoff AND (consumed_at IS NOT NULL OR expires_at < @cutoff)",
        ]),
        new("onboarding_sessions (names)", o => o.PersonalNames,
        [
            $"""
            UPDATE onboarding_sessions SET started_by_name = '{NameRemoved}', authorized_by_name = NULL
            WHERE status IN {Finished} AND finished_at < @cutoff AND (started_by_name <> '{NameRemoved}' OR authorized_by_name IS NOT NULL)
            """,
        ]),
        new("onboarding_sessions", o => o.FinishedOnboardings,
        [
            $"DELETE FROM post_install_runs WHERE session_id IN ({DoomedSessions})",
            $"DELETE FROM authorization_requests WHERE session_id IN ({DoomedSessions})",
            $"DELETE FROM delegated_tokens WHERE session_id IN ({DoomedSessions})",
            $"DELETE FROM card_messages WHERE slot IN (SELECT 'onboarding/' || d.id FROM ({DoomedSessions}) d)",
            $"UPDATE tenant_keys SET session_id = NULL WHERE session_id IN ({DoomedSessions})",
            $"DELETE FROM onboarding_sessions WHERE id IN ({DoomedSessions})",
        ]),
        new("reauthorizations", o => o.Reauthorizations,
        [
            $"DELETE FROM authorization_requests WHERE reauthorization_id IN ({FinishedReauthorizations})",
            $"DELETE FROM reauthorizations WHERE id IN ({FinishedReauthorizations})",
        ]),

        // A prefix of the log by id, so every hash chain loses only its oldest entries and the rest still verifies.
        new("audit_log", o => o.AuditLog, ["DELETE FROM audit_log WHERE id <= (SELECT MAX(id) FROM audit_log WHERE at < @cutoff)"]),
        new("tenant_keys", o => o.RevokedKeys, ["DELETE FROM tenant_keys WHERE status = 'Revoked' AND updated_at < @cutoff"]),
        new("tenants", o => o.OffboardedTenants,
        [
            $"DELETE FROM tenant_health WHERE account_id IN ({GoneTenants})",
            $"DELETE FROM health_checks WHERE account_id IN ({GoneTenants})",
            $"DELETE FROM tenant_keys WHERE account_id IN ({GoneTenants})",
            "DELETE FROM tenants WHERE status = 'Offboarded' AND offboarded_at < @cutoff",
        ]),

        new("conversation_references", o => o.ConversationReferences, [$"DELETE FROM conversation_references WHERE {NoLongerPostedTo}"]),
        new("conversation_locales", o => o.ConversationReferences, [$"DELETE FROM conversation_locales WHERE {NoLongerPostedTo}"]),
        new("card_messages", o => o.CardMessages, ["DELETE FROM card_messages WHERE updated_at < @cutoff"]),
        new("alert_subscriptions", o => o.DisabledAlertSubscriptions, ["DELETE FROM alert_subscriptions WHERE disabled_at IS NOT NULL AND disabled_at < @cutoff"]),
    ];
}
