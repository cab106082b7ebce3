using System.ComponentModel.DataAnnotations;

namespace Onboarding.NetSuiteSandbox;

/// <summary>Settings of the sandbox, bound from the <c>Sandbox</c> configuration section.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Path of a seed file (JSON); empty means the built-in demo accounts.</summary>
    public string? SeedFile { get; set; }

    /// <summary>
    /// Path of a JSON file the sandbox keeps its state in (tokens, certificates, installed bundles, custom records, role,
    /// feature and integration changes, clock, signing key), so a restart continues where it stopped; empty keeps
    /// everything in memory. The signing key in it is encrypted with a key ring in <c>sandbox-keys</c> beside the file.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>Maps the <c>/_sandbox/</c> test-control API; off by default because it can break any account.</summary>
    public bool EnableTestControl { get; set; }

    /// <summary>NetSuite 2025.2 was seen sending <c>expires_in</c> as a string for the authorization-code grant.</summary>
    public bool ExpiresInAsString { get; set; } = true;

    /// <summary>In-flight REST + RESTlet requests allowed per account unless the seed sets its own limit.</summary>
    [Range(1, 1000, ErrorMessage = "Sandbox:ConcurrencyLimit must be between 1 and 1000.")]
    public int ConcurrencyLimit { get; set; } = 5;

    /// <summary>Status of a RESTlet refused for concurrency: 400 as documented, 429 to mimic newer releases.</summary>
    [AllowedValues(400, 429, ErrorMessage = "Sandbox:RestletConcurrencyStatus must be 400 or 429.")]
    public int RestletConcurrencyStatus { get; set; } = 400;

    /// <summary>Adds <c>Retry-After</c> to concurrency refusals (NetSuite is not known to send it).</summary>
    public bool SendRetryAfter { get; set; }

    /// <summary>Largest <c>exp − iat</c> of a client assertion: 3600 per the docs, 7200 per the Login Audit Trail page.</summary>
    [Range(60, 7200, ErrorMessage = "Sandbox:MaxAssertionLifetimeSeconds must be between 60 and 7200.")]
    public int MaxAssertionLifetimeSeconds { get; set; } = 3600;

    /// <summary>Accepts an assertion <c>aud</c> naming the restlets host, as Oracle's own example does.</summary>
    public bool AcceptRestletsHostAudience { get; set; } = true;

    /// <summary>Lifetime of an authorization code.</summary>
    [Range(1, 3600, ErrorMessage = "Sandbox:AuthorizationCodeLifetimeSeconds must be between 1 and 3600.")]
    public int AuthorizationCodeLifetimeSeconds { get; set; } = 600;

    /// <summary>SuiteQL leaves NULL columns out of an item, as observed on NetSuite.</summary>
    public bool OmitNullColumns { get; set; } = true;

    /// <summary>Answers an unknown assertion issuer with 500 server_error, as field reports describe, instead of 401 invalid_client.</summary>
    public bool ServerErrorForUnknownIssuer { get; set; }

    /// <summary>
    /// Accepts <c>http://</c> redirect URIs on a loopback host (localhost, 127.0.0.1, [::1]) although NetSuite takes only
    /// https: a simulator allowance for local demos. The embedded demo turns it on.
    /// </summary>
    public bool AllowLoopbackHttpRedirects { get; set; }

    /// <summary>The NetSuite rules, each a switch under <c>Sandbox:Rules</c> (all on by default).</summary>
    public SandboxRules Rules { get; set; } = new();
}
