namespace Onboarding.Engine.NetSuite;

/// <summary>The authorization code grant with PKCE for NetSuite's public client: authorize link, code exchange, refresh, revoke.</summary>
public interface INetSuiteAuthorization
{
    /// <summary>
    /// Creates a fresh state (≥ 32 random bytes) and code verifier and the authorize URL on the account's domain,
    /// or on the account-agnostic system domain when <paramref name="account"/> is null.
    /// The caller stores state (hashed) and verifier (encrypted); neither is logged.
    /// </summary>
    AuthorizationStart BeginAuthorization(AccountId? account);

    /// <summary>Exchanges a callback code for tokens. Never retried blindly: NetSuite may already have consumed the code.</summary>
    Task<NetSuiteResult<DelegatedTokens>> ExchangeCodeAsync(AccountId account, string code, string codeVerifier, CancellationToken cancellationToken);

    /// <summary>Uses a (one-time) refresh token; a public client receives a new refresh token.</summary>
    Task<NetSuiteResult<DelegatedTokens>> RefreshAsync(AccountId account, BearerToken refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes a refresh token and the access tokens issued from it.</summary>
    Task<NetSuiteResult<bool>> RevokeAsync(AccountId account, BearerToken refreshToken, CancellationToken cancellationToken);
}

/// <summary>What starting an authorization produces: the link to open, and the two secrets to keep for the callback.</summary>
public sealed record AuthorizationStart(Uri AuthorizeUrl, string State, string CodeVerifier)
{
    public override string ToString() => $"AuthorizationStart {{ AuthorizeUrl = {AuthorizeUrl.GetLeftPart(UriPartial.Path)} }}";
}

/// <summary>Tokens from the authorization code grant (the admin's temporary, delegated access).</summary>
public sealed record DelegatedTokens(BearerToken AccessToken, BearerToken? RefreshToken, DateTimeOffset ExpiresAt);
