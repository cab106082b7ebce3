using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>What a one-hour re-authorization is for; its admin token is used for this and nothing else.</summary>
public enum ReauthorizationPurpose
{
    /// <summary>Rotate the tenant's certificate when the app's role cannot manage certificates itself.</summary>
    RotateCertificate,

    /// <summary>Revoke the named certificates (offboarding) when the app's own token cannot.</summary>
    RevokeCertificates,
}

/// <summary>Where a re-authorization stands. Waiting is the only state a callback accepts.</summary>
public enum ReauthorizationStatus
{
    Waiting,
    Running,
    Done,
    Failed,
    Cancelled,
    Expired,
}

/// <summary>
/// A staff request for an admin's short delegated access to one account, for one purpose, bound to the conversation
/// that asked. Its authorize link is single use and lives 10 minutes; its token is revoked and erased once used.
/// </summary>
public sealed record Reauthorization(
    string Id,
    ConversationKey Conversation,
    AccountId Account,
    ReauthorizationPurpose Purpose,
    IReadOnlyList<string> CertificateIds,
    string RequestedBy,
    ReauthorizationStatus Status,
    string? Result,
    DateTimeOffset CreatedAt)
{
    public static string NewId() => Guid.NewGuid().ToString("N");
}
