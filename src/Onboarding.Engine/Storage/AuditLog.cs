namespace Onboarding.Engine.Storage;

/// <summary>Appends to the audit log: who did what to which account, when, and how it went — never a secret value.</summary>
public sealed class AuditLog(TimeProvider timeProvider)
{
    /// <summary>Writes <paramref name="entry"/> inside the caller's transaction, so the record and the change stand or fall together.</summary>
    public Task AppendAsync(StorageTransaction transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "INSERT INTO audit_log (at, actor, account_id, action, outcome, detail) VALUES (@At, @Actor, @Account, @Action, @Outcome, @Detail)",
            new
            {
                At = StoredTime.Format(timeProvider.GetUtcNow()),
                entry.Actor,
                entry.Account,
                entry.Action,
                entry.Outcome,
                entry.Detail,
            },
            cancellationToken);

    /// <summary>The entries for one account, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForAccountAsync(Database database, string account, CancellationToken cancellationToken)
    {
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        return await read.QueryAsync<AuditEntry>(
            "SELECT actor AS Actor, account_id AS Account, action AS Action, outcome AS Outcome, detail AS Detail FROM audit_log WHERE account_id = @account ORDER BY id",
            new { account },
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One audit record. <paramref name="Detail"/> holds ids (certificate id, step), never a token, key or code.</summary>
public sealed record AuditEntry(string Actor, string? Account, string Action, string Outcome, string? Detail = null);
