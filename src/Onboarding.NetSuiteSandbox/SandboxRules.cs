namespace Onboarding.NetSuiteSandbox;

/// <summary>
/// The NetSuite rules the sandbox enforces, each bound from <c>Sandbox:Rules:&lt;Name&gt;</c>. Every switch is true by
/// default: the sandbox behaves as a real account. Setting one to false relaxes that rule only, for a test or demo
/// that needs the old, more forgiving behaviour. docs/sandbox.md lists each rule with the Oracle page behind it.
/// </summary>
public sealed class SandboxRules
{
    public const string SectionName = SandboxOptions.SectionName + ":Rules";

    /// <summary>Client credentials only for confidential integration records; a public one gets <c>unauthorized_client</c>.</summary>
    public bool ConfidentialClientCredentials { get; set; } = true;

    /// <summary>A role marked "Web Services Only" cannot call RESTlets (401 <c>INVALID_LOGIN_CREDENTIALS</c>).</summary>
    public bool WebServicesOnlyRoles { get; set; } = true;

    /// <summary>SuiteQL tables and record-API records need the record's permission on the token's role.</summary>
    public bool RecordPermissions { get; set; } = true;

    /// <summary>The record API refuses a field the record type does not have (unless the request asks for less).</summary>
    public bool UnknownFields { get; set; } = true;

    /// <summary>Account features count: a switched-off feature fails its calls; no OneWorld means no <c>subsidiary</c> table.</summary>
    public bool Features { get; set; } = true;

    /// <summary>One certificate (same certificate id) is uploaded and mapped only once in an account.</summary>
    public bool UniqueCertificates { get; set; } = true;

    /// <summary>At most five active, unexpired certificates per integration record.</summary>
    public bool CertificateLimit { get; set; } = true;

    /// <summary>A certificate's entity must hold its role: at upload, and at every mint and call afterwards.</summary>
    public bool EntityMustHoldRole { get; set; } = true;

    /// <summary>Redirect URIs must be https (or a custom scheme); see also <see cref="SandboxOptions.AllowLoopbackHttpRedirects"/>.</summary>
    public bool HttpsRedirectUris { get; set; } = true;

    /// <summary>A sandbox refresh (test control) revokes every token, refresh token and code, besides the certificate mappings.</summary>
    public bool SandboxRefresh { get; set; } = true;

    /// <summary>An integration record in state Blocked can neither authorize nor mint, and its tokens stop working.</summary>
    public bool BlockedIntegrations { get; set; } = true;

    /// <summary>SuiteQL compares strings case-sensitively and returns script ids in upper case.</summary>
    public bool CaseSensitiveSuiteQl { get; set; } = true;
}
