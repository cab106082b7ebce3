namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>An issued authorization code, bound to client, redirect URI and PKCE challenge.</summary>
internal sealed class AuthorizationCode
{
    public required string ClientId { get; init; }
    public required string RedirectUri { get; init; }
    public required string? CodeChallenge { get; init; }
    public required int RoleId { get; init; }
    public required int EntityId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public bool Used { get; set; }

    /// <summary>Access and refresh tokens minted from this code, revoked if the code is replayed (RFC 6749 §4.1.2).</summary>
    public List<string> IssuedTokenIds { get; } = [];
}
