namespace Onboarding.NetSuiteSandbox.State;

/// <summary>
/// What the state file holds: everything that changes in the accounts after start-up, on top of the seed. Codes,
/// injected faults and held concurrency slots are left out: they belong to one run.
/// </summary>
internal sealed record SavedState(
    int Version,
    DateTimeOffset SavedAt,
    double ClockOffsetSeconds,
    SavedSigningKey SigningKey,
    IReadOnlyList<SavedAccount> Accounts)
{
    public const int CurrentVersion = 1;
}

/// <summary>The token signing key, its private part encrypted with the sandbox's Data Protection key ring.</summary>
internal sealed record SavedSigningKey(string KeyId, string ProtectedPkcs8);

internal sealed record SavedAccount(
    string Id,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> BlockedIntegrations,
    IReadOnlyList<string> InstalledIntegrations,
    IReadOnlyList<SavedBundle> InstalledBundles,
    IReadOnlyList<SavedRole> Roles,
    IReadOnlyList<SavedEmployee> Employees,
    IReadOnlyList<SavedCertificate> Certificates,
    IReadOnlyList<SavedToken> Tokens,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string?>>> CustomRecords);

internal sealed record SavedBundle(int Id, DateTimeOffset DateInstalled, int InstalledById, string InstalledByName);

internal sealed record SavedRole(int Id, IReadOnlyList<string> Granted, IReadOnlyList<string> Withdrawn);

internal sealed record SavedEmployee(int Id, IReadOnlyList<int> Roles);

/// <summary>A certificate mapping; the public key is read again from the PEM.</summary>
internal sealed record SavedCertificate(
    string CertificateId, string ClientId, int RoleId, int EntityId, string Pem,
    DateTimeOffset Created, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, bool Revoked);

/// <summary>The server-side record of a token (its id and what it grants), never the token itself.</summary>
internal sealed record SavedToken(
    string Jti, string Kind, string ClientId, int RoleId, int EntityId, IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt, DateTimeOffset? ChainStart, string? ParentJti, bool Revoked, bool Used);
