using Microsoft.Extensions.Logging;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Operations;

/// <summary>
/// Erases a tenant (<c>erase &lt;account&gt;</c>): first takes back what is still live in NetSuite — an open onboarding is
/// cancelled, every admin token revoked, every certificate revoked (offboarding) — then deletes every row about the
/// account and its people in one transaction, leaves a single <c>tenant.erased</c> audit entry (ids and counts only), and
/// rewrites the database file so no deleted value survives in free pages or the write-ahead log.
/// </summary>
public sealed class TenantErasure(
    Database database,
    OnboardingSessions sessions,
    OnboardingFlow flow,
    AdminAccess adminAccess,
    TenantOffboarding offboarding,
    ReauthorizationStore reauthorizations,
    INetSuiteAuthorization authorization,
    AuditLog audit,
    ILogger<TenantErasure> logger)
{
    public const string Action = "tenant.erased";

    /// <param name="account">The tenant.</param>
    /// <param name="staff">Who erases it (recorded by id only).</param>
    /// <param name="askedIn">The conversation that asked: its address is kept, so the answer can be posted there.</param>
    /// <param name="cancellationToken">Cancels before the deletion starts; the deletion itself is one transaction.</param>
    public async Task<ErasureOutcome> EraseAsync(AccountId account, ChatUser staff, ConversationKey askedIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(askedIn);
        foreach (var open in await sessions.OpenForAccountAsync(account, cancellationToken).ConfigureAwait(false))
        {
            await flow.CancelAsync(open, staff, cancellationToken).ConfigureAwait(false);
        }

        var adminTokensRevoked = await RevokeAdminTokensAsync(account, staff, cancellationToken).ConfigureAwait(false);
        var offboarded = await offboarding.OffboardAsync(account, staff.Id, cancellationToken).ConfigureAwait(false);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await StorageTransaction.WriteAsync(database, async write =>
        {
            var conversations = await write.QueryAsync<string>(
                """
                SELECT conversation_key FROM onboarding_sessions WHERE account_id = @account
                UNION SELECT conversation_key FROM reauthorizations WHERE account_id = @account
                """,
                new { account = account.Value },
                cancellationToken).ConfigureAwait(false);
            foreach (var (table, sql) in Deletions)
            {
                counts[table] = counts.GetValueOrDefault(table) + await write.ExecuteAsync(sql, new { account = account.Value }, cancellationToken).ConfigureAwait(false);
            }

            foreach (var conversation in conversations.Where(c => c != askedIn.ToString()))
            {
                await ForgetConversationIfUnusedAsync(write, conversation, cancellationToken).ConfigureAwait(false);
            }

            var summary = $"{counts["onboarding_sessions"]} onboardings, {counts["tenant_keys"]} keys, {counts["audit_log"]} audit entries removed; "
                + $"certificates revoked: {List(offboarded.Revoked)}; not revoked: {List([.. offboarded.NotRevoked.Select(n => n.CertificateId)])}; admin tokens revoked: {adminTokensRevoked}";
            await audit.AppendAsync(write, new AuditEntry(staff.Id, account.Value, Action, offboarded.NotRevoked.Count == 0 ? "ok" : "partial", summary), cancellationToken).ConfigureAwait(false);
            TenantErased(logger, account.Value, staff.Id, summary);
        }, cancellationToken).ConfigureAwait(false);

        if (!await StorageTransaction.ClearFreedSpaceAsync(database, CancellationToken.None).ConfigureAwait(false))
        {
            ErasureResidueRemains(logger, account.Value);
        }

        return new ErasureOutcome(account, offboarded.Revoked, offboarded.NotRevoked, adminTokensRevoked, counts);
    }

    // Child rows first (foreign keys). Alert cards are found through the tenant's incident before its health row goes.
    private static readonly (string Table, string Sql)[] Deletions =
    [
        ("card_messages", "DELETE FROM card_messages WHERE slot IN (SELECT 'onboarding/' || id FROM onboarding_sessions WHERE account_id = @account)"),
        ("card_messages", "DELETE FROM card_messages WHERE slot IN (SELECT 'alert/' || incident_id FROM tenant_health WHERE account_id = @account AND incident_id IS NOT NULL)"),
        ("post_install_runs", "DELETE FROM post_install_runs WHERE session_id IN (SELECT id FROM onboarding_sessions WHERE account_id = @account)"),
        ("delegated_tokens", "DELETE FROM delegated_tokens WHERE account_id = @account OR session_id IN (SELECT id FROM onboarding_sessions WHERE account_id = @account)"),
        ("authorization_requests", "DELETE FROM authorization_requests WHERE session_id IN (SELECT id FROM onboarding_sessions WHERE account_id = @account)"),
        ("authorization_requests", "DELETE FROM authorization_requests WHERE reauthorization_id IN (SELECT id FROM reauthorizations WHERE account_id = @account)"),
        ("onboarding_sessions", "DELETE FROM onboarding_sessions WHERE account_id = @account"),
        ("reauthorizations", "DELETE FROM reauthorizations WHERE account_id = @account"),
        ("tenant_keys", "DELETE FROM tenant_keys WHERE account_id = @account"),
        ("health_checks", "DELETE FROM health_checks WHERE account_id = @account"),
        ("tenant_health", "DELETE FROM tenant_health WHERE account_id = @account"),
        ("tenants", "DELETE FROM tenants WHERE account_id = @account"),
        ("machine_tokens", "DELETE FROM machine_tokens WHERE account_id = @account"),
        ("work_leases", "DELETE FROM work_leases WHERE item = @account"),
        ("audit_log", "DELETE FROM audit_log WHERE account_id = @account OR chain = @account"),
        ("audit_chains", "DELETE FROM audit_chains WHERE chain = @account"),
    ];

    // A conversation the tenant's people used: its address, cards and delivery ids go too, unless something else still
    // posts there (another tenant's onboarding, alerts).
    private static async Task ForgetConversationIfUnusedAsync(StorageTransaction write, string conversation, CancellationToken cancellationToken)
    {
        var used = await write.QuerySingleOrDefaultAsync<long>(
            """
            SELECT (SELECT COUNT(*) FROM onboarding_sessions WHERE conversation_key = @conversation)
                 + (SELECT COUNT(*) FROM reauthorizations WHERE conversation_key = @conversation)
                 + (SELECT COUNT(*) FROM alert_subscriptions WHERE conversation_key = @conversation)
            """,
            new { conversation },
            cancellationToken).ConfigureAwait(false);
        if (used > 0)
        {
            return;
        }

        foreach (var table in (string[])["conversation_references", "conversation_locales", "card_messages", "processed_deliveries"])
        {
            await write.ExecuteAsync($"DELETE FROM {table} WHERE conversation_key = @conversation", new { conversation }, cancellationToken).ConfigureAwait(false);
        }
    }

    // Admin access still held for the account: an onboarding's tokens (ended through the flow's own path) and a running
    // re-authorization's refresh token.
    private async Task<int> RevokeAdminTokensAsync(AccountId account, ChatUser staff, CancellationToken cancellationToken)
    {
        var sessionIds = await StorageTransaction.ReadAsync(
            database,
            read => read.QueryAsync<string>("SELECT session_id FROM delegated_tokens WHERE account_id = @account", new { account = account.Value }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var revoked = 0;
        foreach (var id in sessionIds)
        {
            if (await sessions.FindAsync(SessionId.Parse(id), cancellationToken).ConfigureAwait(false) is { } session)
            {
                await adminAccess.EndAsync(session, staff.Id, cancellationToken).ConfigureAwait(false);
                revoked++;
            }
        }

        var held = await StorageTransaction.ReadAsync(database, read => reauthorizations.LiveRefreshTokensAsync(read, account, cancellationToken), cancellationToken).ConfigureAwait(false);
        foreach (var (_, refreshToken) in held)
        {
            if ((await authorization.RevokeAsync(account, refreshToken, cancellationToken).ConfigureAwait(false)).IsSuccess)
            {
                revoked++;
            }
        }

        return revoked;
    }

    private static string List(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
}

/// <summary>What erasing did: certificates revoked (or not) in NetSuite, admin tokens revoked, rows removed per table.</summary>
public sealed record ErasureOutcome(
    AccountId Account,
    IReadOnlyList<string> Revoked,
    IReadOnlyList<(string CertificateId, NetSuiteError Error)> NotRevoked,
    int AdminTokensRevoked,
    IReadOnlyDictionary<string, int> Removed);
