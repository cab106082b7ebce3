using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>Records a use of credential material (an assertion signed, a token minted) that is not part of a transition.</summary>
public sealed class CredentialAudit(SqliteDatabase database, AuditLog audit)
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var write = await StorageTransaction.BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(write, entry, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
