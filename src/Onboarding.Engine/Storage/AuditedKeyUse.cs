using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Records each client-credentials mint in the audit log: who (<see cref="MachineCredential.UsedBy"/>), which account and
/// certificate, whether NetSuite issued the token — never the assertion or the token. One small write per mint (about one
/// per tenant per hour from the health monitor).
/// </summary>
public sealed class AuditedKeyUse(Database database, AuditLog audit) : IKeyUseRecorder
{
    public const string Action = "key.signed-assertion";

    public Task RecordMintAsync(MachineCredential credential, bool issued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var entry = new AuditEntry(credential.UsedBy, credential.Account.Value, Action, issued ? "issued" : "refused", $"certificate {credential.CertificateId}, client credentials");
        return StorageTransaction.WriteAsync(database, write => audit.AppendAsync(write, entry, cancellationToken), cancellationToken);
    }
}
