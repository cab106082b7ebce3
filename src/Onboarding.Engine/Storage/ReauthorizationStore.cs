using System.Text;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.AdminReauthorization;

namespace Onboarding.Engine.Storage;

/// <summary>Re-authorizations and, while one runs, its admin refresh token (encrypted; erased once revoked).</summary>
public sealed class ReauthorizationStore(ISecretProtector protector)
{
    private const string RefreshPurpose = "reauthorization.refresh-token";

    private const string Columns = """
        id AS Id, conversation_key AS ConversationKey, account_id AS AccountId, purpose AS Purpose, certificate_ids AS CertificateIds,
        requested_by_id AS RequestedBy, status AS Status, result AS Result, created_at AS CreatedAt
        """;

    public Task AddAsync(StorageTransaction transaction, Reauthorization reauthorization, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO reauthorizations (id, conversation_key, account_id, purpose, certificate_ids, requested_by_id, status, created_at, updated_at)
            VALUES (@Id, @Conversation, @Account, @Purpose, @Certificates, @RequestedBy, @Status, @CreatedAt, @CreatedAt)
            """,
            new
            {
                reauthorization.Id,
                Conversation = reauthorization.Conversation.ToString(),
                Account = reauthorization.Account.Value,
                Purpose = reauthorization.Purpose.ToString(),
                Certificates = reauthorization.CertificateIds.Count == 0 ? null : string.Join(',', reauthorization.CertificateIds),
                reauthorization.RequestedBy,
                Status = reauthorization.Status.ToString(),
                CreatedAt = StoredTime.Format(reauthorization.CreatedAt),
            },
            cancellationToken);

    public async Task<Reauthorization?> FindAsync(StorageTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM reauthorizations WHERE id = @id", new { id }, cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new Reauthorization(
                row.Id,
                ConversationKey.Parse(row.ConversationKey),
                AccountId.Parse(row.AccountId),
                Enum.Parse<ReauthorizationPurpose>(row.Purpose),
                row.CertificateIds is null ? [] : row.CertificateIds.Split(','),
                row.RequestedBy,
                Enum.Parse<ReauthorizationStatus>(row.Status),
                row.Result,
                StoredTime.Parse(row.CreatedAt));
    }

    /// <summary>Moves the re-authorization from <paramref name="from"/> only: false when it is elsewhere (a second callback, a cancel that lost).</summary>
    public async Task<bool> TryMoveAsync(StorageTransaction transaction, string id, ReauthorizationStatus from, ReauthorizationStatus to, string? result, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.ExecuteAsync(
            "UPDATE reauthorizations SET status = @to, result = COALESCE(@result, result), updated_at = @now WHERE id = @id AND status = @from",
            new { id, from = from.ToString(), to = to.ToString(), result, now = StoredTime.Format(now) },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task SaveRefreshTokenAsync(StorageTransaction transaction, string id, BearerToken refreshToken, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE reauthorizations SET protected_refresh_token = @token WHERE id = @id",
            new { id, token = protector.Protect(RefreshPurpose, Encoding.UTF8.GetBytes(refreshToken.Value)) },
            cancellationToken);

    /// <summary>The admin refresh tokens an account's re-authorizations still hold (while their purpose runs), to revoke them.</summary>
    public async Task<IReadOnlyList<(string Id, BearerToken RefreshToken)>> LiveRefreshTokensAsync(StorageTransaction transaction, AccountId account, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<(string Id, string Token)>(
            "SELECT id AS Id, protected_refresh_token AS Token FROM reauthorizations WHERE account_id = @account AND protected_refresh_token IS NOT NULL",
            new { account = account.Value },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Id, new BearerToken(Encoding.UTF8.GetString(protector.Unprotect(RefreshPurpose, r.Token)))))];
    }

    public Task EraseRefreshTokenAsync(StorageTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("UPDATE reauthorizations SET protected_refresh_token = NULL WHERE id = @id", new { id }, cancellationToken);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string ConversationKey { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string Purpose { get; set; } = "";
        public string? CertificateIds { get; set; }
        public string RequestedBy { get; set; } = "";
        public string Status { get; set; } = "";
        public string? Result { get; set; }
        public string CreatedAt { get; set; } = "";
    }
}
