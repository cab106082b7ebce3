using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>How a certificate rotation ended.</summary>
public enum RotationStatus
{
    /// <summary>The new certificate works and is in use; the old one is revoked.</summary>
    Rotated,

    /// <summary>The app's own token cannot do it (certificate refused, role lacks the certificate permission): an admin must re-authorize.</summary>
    NeedsReauthorization,

    /// <summary>NetSuite refused or failed along the way; see the stage and error.</summary>
    Failed,

    /// <summary>Another rotation of the same tenant is running.</summary>
    AlreadyRunning,

    /// <summary>The tenant has no key to rotate: onboard it again.</summary>
    NoTenantKey,
}

/// <summary>The result of <see cref="CertificateRotation.RotateAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Stage">Where it stopped: token, list, plan, upload, prove.</param>
/// <param name="Error">NetSuite's refusal, when it stopped.</param>
/// <param name="NewCertificateId">The certificate now in use, after a rotation.</param>
/// <param name="ValidUntil">Its expiry.</param>
/// <param name="OldCertificateId">The certificate it replaced (or, after a failed proof, the one still in use).</param>
/// <param name="OldRevoked">After a rotation: true when NetSuite revoked the old certificate; false leaves it to the next rotation.</param>
/// <param name="OldKeptActive">After a failed proof: the old certificate is still active and in use.</param>
public sealed record RotationOutcome(
    RotationStatus Status,
    string? Stage = null,
    NetSuiteError? Error = null,
    string? NewCertificateId = null,
    DateTimeOffset? ValidUntil = null,
    string? OldCertificateId = null,
    bool OldRevoked = false,
    bool OldKeptActive = false);
