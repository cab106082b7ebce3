using System.Text;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Storage;

/// <summary>
/// The client-credentials tokens every instance shares (table <c>machine_tokens</c>, one row per tenant, the token encrypted
/// with <see cref="ISecretProtector"/>), and the per-tenant mint lease (<see cref="WorkLeases"/>, scope <see cref="MintScope"/>).
/// </summary>
public sealed class MachineTokenStore(Database database, ISecretProtector protector, WorkLeases leases, TimeProvider timeProvider) : IMachineTokenStore
{
    public const string MintScope = "token-mint";

    private const string TokenPurpose = "machine-token";

    // Longer than a mint with its retries takes; an instance that dies while minting blocks the tenant's mints this long.
    private static readonly TimeSpan MintLease = TimeSpan.FromSeconds(60);

    public async Task<SharedMachineToken?> FindAsync(AccountId account, string certificateId, CancellationToken cancellationToken)
    {
        var row = await StorageTransaction.ReadAsync(database, read => read.QuerySingleOrDefaultAsync<TokenRow>(
            "SELECT protected_token AS ProtectedToken, renew_at AS RenewAt FROM machine_tokens WHERE account_id = @account AND certificate_id = @certificateId",
            new { account = account.Value, certificateId },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new SharedMachineToken(new BearerToken(Encoding.UTF8.GetString(protector.Unprotect(TokenPurpose, row.ProtectedToken))), StoredTime.Parse(row.RenewAt));
    }

    public Task SaveAsync(AccountId account, string certificateId, SharedMachineToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var renewAt = StoredTime.Format(token.RenewAt);
        return StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, write => write.ExecuteAsync(
            """
            INSERT INTO machine_tokens (account_id, certificate_id, protected_token, renew_at, minted_at) VALUES (@account, @certificateId, @token, @renewAt, @mintedAt)
            ON CONFLICT (account_id) DO UPDATE SET certificate_id = excluded.certificate_id, protected_token = excluded.protected_token,
                renew_at = excluded.renew_at, minted_at = excluded.minted_at
            """,
            new { account = account.Value, certificateId, token = protector.Protect(TokenPurpose, Encoding.UTF8.GetBytes(token.Token.Value)), renewAt, mintedAt = StoredTime.Format(timeProvider.GetUtcNow()) },
            cancellationToken), cancellationToken);
    }

    public async Task<IAsyncDisposable?> TryLockMintAsync(AccountId account, CancellationToken cancellationToken) =>
        await leases.TryAcquireAsync(MintScope, account.Value, MintLease, cancellationToken).ConfigureAwait(false);

    /// <summary>Forgets a tenant's token (offboarding), in the caller's transaction.</summary>
    public static Task ForgetAsync(StorageTransaction transaction, AccountId account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.ExecuteAsync("DELETE FROM machine_tokens WHERE account_id = @account", new { account = account.Value }, cancellationToken);
    }

    private sealed class TokenRow
    {
        public string ProtectedToken { get; set; } = "";
        public string RenewAt { get; set; } = "";
    }
}
