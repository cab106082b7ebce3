namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>Server-side record of a token the sandbox signed, so revocation and rotation can be enforced.</summary>
internal sealed class IssuedToken
{
    public required string Jti { get; init; }
    public required TokenKind Kind { get; init; }
    public required string ClientId { get; init; }
    public required int RoleId { get; init; }
    public required int EntityId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Start of the refresh chain (the <c>oit</c> claim); null outside public-client chains.</summary>
    public DateTimeOffset? ChainStart { get; init; }

    /// <summary>The refresh token this access token came from, so revoking it revokes its access tokens.</summary>
    public string? ParentJti { get; init; }

    public bool Revoked { get; set; }
    public bool Used { get; set; }
}

/// <summary>What a token is for.</summary>
internal enum TokenKind
{
    Access,
    Refresh,
}
