namespace Onboarding.Engine.NetSuite;

/// <summary>
/// Told of every client-credentials token request, before its token is handed out: each one is a client assertion signed
/// with the tenant's private key, so each is a use of key material to record (the audit log does, see docs/operations.md).
/// Cached tokens reused later sign nothing and are not reported.
/// </summary>
public interface IKeyUseRecorder
{
    /// <param name="credential">Whose key signed, for whom (<see cref="MachineCredential.UsedBy"/>).</param>
    /// <param name="issued">Whether NetSuite issued a token for it.</param>
    /// <param name="cancellationToken">Cancels the recording.</param>
    Task RecordMintAsync(MachineCredential credential, bool issued, CancellationToken cancellationToken);
}
