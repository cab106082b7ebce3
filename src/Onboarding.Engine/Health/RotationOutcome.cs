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
/// <param name="Overlapped">True when the new certificate was active before the old one was revoked; false when the old one had to go first (same role and entity).</param>
public sealed record RotationOutcome(
    RotationStatus Status,
    string? Stage = null,
    NetSuiteError? Error = null,
    string? NewCertificateId = null,
    DateTimeOffset? ValidUntil = null,
    string? OldCertificateId = null,
    bool Overlapped = false);
