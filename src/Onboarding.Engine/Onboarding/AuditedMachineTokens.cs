using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Client-credentials tokens for the flow, each use recorded in the audit log (the tenant's private key signs the assertion
/// behind every new token): who, which account, which certificate, whether NetSuite accepted it — never the token.
/// </summary>
public sealed class AuditedMachineTokens(Database database, AuditLog audit, IClientCredentialsTokens tokens)
{
    /// <summary>A token for <paramref name="credential"/>; <paramref name="fresh"/> skips the cache so the key signs a new assertion.</summary>
    public async Task<NetSuiteResult<BearerToken>> GetAsync(MachineCredential credential, string actor, bool fresh, CancellationToken cancellationToken)
    {
        if (fresh)
        {
            tokens.Invalidate(credential.Account);
        }

        var token = await tokens.GetAsync(credential, cancellationToken).ConfigureAwait(false);
        var entry = new AuditEntry(actor, credential.Account.Value, fresh ? "key.signed-assertion" : "machine-token.used", token.IsSuccess ? "ok" : "failed", $"certificate {credential.CertificateId}");
        await StorageTransaction.WriteAsync(database, write => audit.AppendAsync(write, entry, cancellationToken), cancellationToken).ConfigureAwait(false);
        return token;
    }
}
