namespace Onboarding.Engine.Health;

/// <summary>Why a check failed, in the terms alerts explain to people.</summary>
public enum FailureCause
{
    /// <summary>NetSuite refused the certificate and it has not expired: revoked, or the mapping is gone.</summary>
    CertificateRevoked,

    /// <summary>NetSuite refused the certificate after its expiry date.</summary>
    CertificateExpired,

    /// <summary>The certificate mapping is no longer listed: a sandbox refresh from production wipes mappings.</summary>
    MappingWiped,

    /// <summary>The role lacks a permission a check needs (REST Web Services, a record permission).</summary>
    PermissionLost,

    /// <summary>The bundle's RESTlet is gone, or the bundle's role disappeared under a live token.</summary>
    BundleUninstalled,

    /// <summary>NetSuite answered 5xx, timed out, or answered something unreadable.</summary>
    NetSuiteUnavailable,

    /// <summary>NetSuite's concurrency limit refused the check; never alerts on its own.</summary>
    RateLimited,

    /// <summary>NetSuite could not be reached from this server.</summary>
    Network,

    /// <summary>The tenant has no active key to connect with.</summary>
    NoCredential,

    /// <summary>NetSuite refused in a way none of the above explains.</summary>
    Unknown,

    /// <summary>
    /// A sandbox account was refreshed from production: every token issued before is refused, a live one included, and the
    /// certificate mapping is gone. Fixed by connecting the account again.
    /// </summary>
    SandboxRefreshed,
}
