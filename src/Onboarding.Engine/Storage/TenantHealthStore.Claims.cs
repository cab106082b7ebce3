using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage.Dialects;

namespace Onboarding.Engine.Storage;

// Claiming tenants to check (a cycle's batches, one tenant on request) and ending claims without a result.
public sealed partial class TenantHealthStore
{
    // Claims alone, for ending them: whose tenant, held by whom.
    private static readonly JsonRowSet<(AccountId Account, string Holder)> Claims = new(
        RowSetColumn<(AccountId Account, string Holder)>.Text("account_id", c => c.Account.Value),
        RowSetColumn<(AccountId Account, string Holder)>.Text(HolderField, c => c.Holder));

    /// <summary>
    /// Claims up to <paramref name="count"/> connected tenants that are due and free, in account order after
    /// <paramref name="after"/> (null: from the first), for <paramref name="lease"/>; on PostgreSQL concurrent claimers pass
    /// over each other's rows. Returns them in account order, with what a check needs beside the health: the active key.
    /// </summary>
    /// <remarks>
    /// Account order, not due order: the table is kept in account order (migration 204), so one claim's rows, and the write
    /// that later ends their claims, share a few pages instead of taking one page each; and a cycle that continues after its
    /// last claim passes over each due tenant once, however long it runs, so none waits longer than one pass. The tenants
    /// are looked up from the same account on: PostgreSQL joins the two tables by merging their key orders, and a merge
    /// reads the tenants from wherever their scan starts — without that bound, from the first account, every claim again
    /// (a cycle read the tenants table about claims × tenants ÷ 2 times: 40 claims over 10,000 tenants, 200,000 rows).
    /// </remarks>
    public async Task<IReadOnlyList<ClaimedTenant>> ClaimDueAsync(string holder, int count, TimeSpan lease, AccountId? after, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write =>
        {
            var rows = await write.QueryAsync<HealthRow>(
                $"""
                UPDATE tenant_health SET claimed_by = @holder, claim_until = @until
                WHERE account_id IN (
                    SELECT account_id FROM tenant_health
                    WHERE account_id > @after AND next_check_at <= @now AND {Unclaimed}
                        AND EXISTS (SELECT 1 FROM tenants t WHERE {ConnectedTenant} AND t.account_id > @after)
                    ORDER BY account_id LIMIT @count {write.Dialect.ForUpdateSkipLocked})
                RETURNING {Columns}
                """,
                new { holder, count, after = after?.Value ?? string.Empty, now = StoredTime.Format(now), until = StoredTime.Format(now + lease) },
                cancellationToken).ConfigureAwait(false);

            // Both providers compare account ids byte by byte (TEXT is COLLATE "C" on PostgreSQL), as ordinal comparison does.
            return await WithKeysAsync(write, [.. rows.OrderBy(r => r.Account, StringComparer.Ordinal)], holder, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Claims one connected tenant whatever its schedule (a check on request, a mute); null when it is not connected or someone else holds it.</summary>
    public async Task<ClaimedTenant?> TryClaimAsync(AccountId account, string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write =>
        {
            var rows = await write.QueryAsync<HealthRow>(
                $"""
                UPDATE tenant_health SET claimed_by = @holder, claim_until = @until
                WHERE account_id = @account AND {Unclaimed} AND {Connected}
                RETURNING {Columns}
                """,
                new { account = account.Value, holder, now = StoredTime.Format(now), until = StoredTime.Format(now + lease) },
                cancellationToken).ConfigureAwait(false);
            return (await WithKeysAsync(write, rows, holder, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a claim without changing the health (nothing was checked).</summary>
    public Task ReleaseAsync(AccountId account, string holder, CancellationToken cancellationToken) =>
        ReleaseAsync([(account, holder)], cancellationToken);

    /// <summary>Ends claims without changing the health (claimed, then not checked).</summary>
    public Task ReleaseAsync(IReadOnlyCollection<ClaimedTenant> claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return ReleaseAsync([.. claimed.Select(c => (c.Account, c.Holder))], cancellationToken);
    }

    // Each claim ends only while its holder still holds it (one that ran out may be someone else's by now).
    private Task ReleaseAsync(IReadOnlyCollection<(AccountId Account, string Holder)> claims, CancellationToken cancellationToken) =>
        claims.Count == 0 ? Task.CompletedTask : StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write =>
            SaveUnderClaimsAsync(write, Claims, claims, release: true, cancellationToken), cancellationToken);

    // In the claim's own transaction: no second transaction (and, on PostgreSQL, no second connection round) per batch.
    // Nothing else is read: a check needs no name, which is read only when there is something to say (ITenantDirectory).
    private async Task<IReadOnlyList<ClaimedTenant>> WithKeysAsync(StorageTransaction claim, IReadOnlyList<HealthRow> rows, string holder, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var healths = rows.Select(r => r.ToHealth()).ToList();
        var active = await keys.ActiveKeysAsync(claim, [.. healths.Select(h => h.Account)], cancellationToken).ConfigureAwait(false);
        return [.. healths.Select(h => new ClaimedTenant(h, active.GetValueOrDefault(h.Account), holder))];
    }
}
