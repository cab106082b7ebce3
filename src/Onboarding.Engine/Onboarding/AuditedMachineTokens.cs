using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Client-credentials tokens for the flow, each use recorded in the audit log: who, which account, which certificate,
/// whether a token came — never the token. Each new token's signature is recorded too, by <see cref="AuditedKeyUse"/>.
/// </summary>
public sealed class AuditedMachineTokens(Database database, AuditLog audit, IClientCredentialsTokens tokens)
{
    /// <summary>A token for <paramref name="credential"/>; <paramref name="fresh"/> skips the cache so the key signs a new assertion.</summary>
    public async Task<NetSuiteResult<BearerToken>> GetAsync(MachineCredential credential, string actor, bool fresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (fresh)
        {
            tokens.Invalidate(credential.Account);
        }

        var token = await tokens.GetAsync(credential with { UsedBy = actor }, cancellationToken).ConfigureAwait(false);
        var entry = new AuditEntry(actor, credential.Account.Value, "machine-token.used", token.IsSuccess ? "ok" : "failed", $"certificate {credential.CertificateId}");
        await StorageTransaction.WriteAsync(database, write => audit.AppendAsync(write, entry, cancellationToken), cancellationToken).ConfigureAwait(false);
        return token;
    }
}
