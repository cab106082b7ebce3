using System.Security.Cryptography;
using System.Text;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Pending authorization requests: the state only as a SHA-256 hash, the code verifier and the authorize link
/// (which carries the state) encrypted. A request is consumed once, atomically, and its secrets erased as it is.
/// </summary>
public sealed class AuthorizationRequestStore(ISecretProtector protector)
{
    private const string VerifierPurpose = "authorization-request.code-verifier";
    private const string LinkPurpose = "authorization-request.link";

    /// <summary>Stores a new request and closes any earlier unconsumed one of the session, so only the newest link works.</summary>
    public async Task AddAsync(StorageTransaction transaction, SessionId session, string state, string codeVerifier, Uri link, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await transaction.ExecuteAsync(
            "UPDATE authorization_requests SET consumed_at = @now, protected_verifier = NULL, protected_link = NULL WHERE session_id = @session AND consumed_at IS NULL",
            new { now = StoredTime.Format(now), session = session.Value },
            cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync(
            """
            INSERT INTO authorization_requests (state_hash, session_id, protected_verifier, protected_link, created_at, expires_at)
            VALUES (@hash, @session, @verifier, @link, @now, @expires)
            """,
            new
            {
                hash = HashState(state),
                session = session.Value,
                verifier = protector.Protect(VerifierPurpose, Encoding.UTF8.GetBytes(codeVerifier)),
                link = protector.Protect(LinkPurpose, Encoding.UTF8.GetBytes(link.AbsoluteUri)),
                now = StoredTime.Format(now),
                expires = StoredTime.Format(expiresAt),
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores the single request of a re-authorization (its link is on the re-authorization's own card).</summary>
    public Task AddForReauthorizationAsync(StorageTransaction transaction, string reauthorization, string state, string codeVerifier, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO authorization_requests (state_hash, reauthorization_id, protected_verifier, created_at, expires_at)
            VALUES (@hash, @reauthorization, @verifier, @now, @expires)
            """,
            new
            {
                hash = HashState(state),
                reauthorization,
                verifier = protector.Protect(VerifierPurpose, Encoding.UTF8.GetBytes(codeVerifier)),
                now = StoredTime.Format(now),
                expires = StoredTime.Format(expiresAt),
            },
            cancellationToken);

    /// <summary>Closes a re-authorization's open request (cancelled), erasing its verifier.</summary>
    public Task CloseForReauthorizationAsync(StorageTransaction transaction, string reauthorization, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE authorization_requests SET consumed_at = @now, protected_verifier = NULL, protected_link = NULL WHERE reauthorization_id = @reauthorization AND consumed_at IS NULL",
            new { now = StoredTime.Format(now), reauthorization },
            cancellationToken);

    /// <summary>
    /// Consumes the request for <paramref name="state"/> inside the caller's write transaction. A second call for the same
    /// state finds it consumed (a replay); an unknown state finds nothing.
    /// </summary>
    public async Task<ConsumedAuthorization> ConsumeAsync(StorageTransaction transaction, string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = HashState(state);
        var row = await transaction.QuerySingleOrDefaultAsync<RequestRow>(
            "SELECT session_id AS SessionId, reauthorization_id AS ReauthorizationId, protected_verifier AS ProtectedVerifier, expires_at AS ExpiresAt, consumed_at AS ConsumedAt FROM authorization_requests WHERE state_hash = @hash",
            new { hash },
            cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return new ConsumedAuthorization(AuthorizationLookup.Unknown, null, null, null);
        }

        SessionId? session = row.SessionId is null ? null : SessionId.Parse(row.SessionId);
        var reauthorization = row.ReauthorizationId;
        if (row.ConsumedAt is not null || row.ProtectedVerifier is null)
        {
            return new ConsumedAuthorization(AuthorizationLookup.AlreadyUsed, session, null, null) { Reauthorization = reauthorization };
        }

        // The conditional update is the last word: of two callbacks racing with one state, only one changes the row.
        var consumed = await transaction.ExecuteAsync(
            "UPDATE authorization_requests SET consumed_at = @now, protected_verifier = NULL, protected_link = NULL WHERE state_hash = @hash AND consumed_at IS NULL",
            new { now = StoredTime.Format(now), hash },
            cancellationToken).ConfigureAwait(false);
        if (consumed != 1)
        {
            return new ConsumedAuthorization(AuthorizationLookup.AlreadyUsed, session, null, null) { Reauthorization = reauthorization };
        }

        var expiresAt = StoredTime.Parse(row.ExpiresAt);
        if (expiresAt <= now)
        {
            return new ConsumedAuthorization(AuthorizationLookup.Expired, session, null, expiresAt) { Reauthorization = reauthorization };
        }

        var verifier = Encoding.UTF8.GetString(protector.Unprotect(VerifierPurpose, row.ProtectedVerifier));
        return new ConsumedAuthorization(AuthorizationLookup.Valid, session, verifier, expiresAt) { Reauthorization = reauthorization };
    }

    /// <summary>The session's live authorize link and its expiry, for re-drawing the card; null when none is live.</summary>
    public async Task<(Uri Link, DateTimeOffset ExpiresAt)?> FindLiveLinkAsync(StorageTransaction transaction, SessionId session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<LinkRow>(
            """
            SELECT protected_link AS ProtectedLink, expires_at AS ExpiresAt FROM authorization_requests
            WHERE session_id = @session AND consumed_at IS NULL AND expires_at > @now AND protected_link IS NOT NULL
            ORDER BY created_at DESC LIMIT 1
            """,
            new { session = session.Value, now = StoredTime.Format(now) },
            cancellationToken).ConfigureAwait(false);
        return row?.ProtectedLink is null
            ? null
            : (new Uri(Encoding.UTF8.GetString(protector.Unprotect(LinkPurpose, row.ProtectedLink))), StoredTime.Parse(row.ExpiresAt));
    }

    /// <summary>Closes every open request of a session (cancel, completion), erasing its secrets.</summary>
    public Task CloseAllAsync(StorageTransaction transaction, SessionId session, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE authorization_requests SET consumed_at = @now, protected_verifier = NULL, protected_link = NULL WHERE session_id = @session AND consumed_at IS NULL",
            new { now = StoredTime.Format(now), session = session.Value },
            cancellationToken);

    private static string HashState(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private sealed class RequestRow
    {
        public string? SessionId { get; set; }
        public string? ReauthorizationId { get; set; }
        public string? ProtectedVerifier { get; set; }
        public string ExpiresAt { get; set; } = "";
        public string? ConsumedAt { get; set; }
    }

    private sealed class LinkRow
    {
        public string? ProtectedLink { get; set; }
        public string ExpiresAt { get; set; } = "";
    }
}

/// <summary>What looking up a callback's state found.</summary>
public enum AuthorizationLookup
{
    Valid,
    Unknown,
    AlreadyUsed,
    Expired,
}

/// <summary>
/// The result of consuming a state: the onboarding session or the re-authorization it is bound to and, when valid, the
/// code verifier (in memory only).
/// </summary>
public sealed record ConsumedAuthorization(AuthorizationLookup Lookup, SessionId? Session, string? CodeVerifier, DateTimeOffset? ExpiresAt)
{
    /// <summary>The re-authorization's id when the request was made for one rather than for an onboarding.</summary>
    public string? Reauthorization { get; init; }

    public override string ToString() => $"ConsumedAuthorization {{ Lookup = {Lookup}, Session = {Session}, Reauthorization = {Reauthorization} }}";
}
