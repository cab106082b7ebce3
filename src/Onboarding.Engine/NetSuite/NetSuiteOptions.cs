using Onboarding.Engine.Keys;

namespace Onboarding.Engine.NetSuite;

/// <summary>Settings section <c>NetSuite</c>: the two integration records, endpoint templates, key material and resilience.</summary>
public sealed class NetSuiteOptions
{
    public const string SectionName = "NetSuite";

    /// <summary>The longest certificate validity NetSuite keeps (it shortens anything longer to two years).</summary>
    public const int MaxCertificateValidityDays = 730;

    /// <summary>
    /// The onboarding integration record's client id: a public client with the authorization code grant and PKCE, whose
    /// one-hour refresh token bounds the admin's access. It never signs client assertions (see docs/netsuite.md, C1).
    /// </summary>
    public string ClientId { get; set; } = "demo-onboarding-client";

    /// <summary>
    /// The machine integration record's client id: a confidential client with only the client credentials grant. It is the
    /// <c>iss</c> of every client assertion and the <c>{clientId}</c> of the certificate endpoint, because NetSuite refuses
    /// client credentials for a public client (docs/netsuite.md, C1).
    /// </summary>
    public string MachineClientId { get; set; } = "demo-machine-client";

    /// <summary>The OAuth redirect URI registered on the integration record; the bot host sets it from its public base URL.</summary>
    public string RedirectUri { get; set; } = "http://localhost:3978/oauth/netsuite/callback";

    /// <summary>Space-separated scopes requested at authorize time and in the client assertion.</summary>
    public string Scopes { get; set; } = "rest_webservices restlets";

    /// <summary>UI host (authorize endpoint), with an <c>{account}</c> placeholder for the host label.</summary>
    public string AppBaseUrl { get; set; } = "https://{account}.app.netsuite.com";

    /// <summary>SuiteTalk host: token, revoke, SuiteQL and record endpoints.</summary>
    public string SuiteTalkBaseUrl { get; set; } = "https://{account}.suitetalk.api.netsuite.com";

    /// <summary>RESTlet host: RESTlets and the certificate rotation endpoint.</summary>
    public string RestletsBaseUrl { get; set; } = "https://{account}.restlets.api.netsuite.com";

    /// <summary>Account-agnostic authorize host, used before the account is known.</summary>
    public string SystemBaseUrl { get; set; } = "https://system.netsuite.com";

    /// <summary>Key type for new tenant certificates.</summary>
    public KeyAlgorithm KeyAlgorithm { get; set; } = KeyAlgorithm.EcP256;

    /// <summary>Validity of new tenant certificates in days (at most 730).</summary>
    public int CertificateValidityDays { get; set; } = MaxCertificateValidityDays;

    /// <summary>The application name written into certificate subjects, next to the account id.</summary>
    public string CertificateSubjectName { get; set; } = "NetSuite Onboarding";

    /// <summary>How long a client assertion is valid (exp − iat); NetSuite allows at most an hour.</summary>
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before expiry a cached client-credentials token is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after the first attempt for calls that are safe to repeat.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The time one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time a call may take including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Points every endpoint template at a NetSuite sandbox's path layout (<c>{root}/{account}/…</c>, <c>{root}/system/…</c>),
    /// e.g. the in-process simulator at <c>http://127.0.0.1:PORT/</c>.
    /// </summary>
    public void UseSandboxLayout(Uri root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var prefix = root.AbsoluteUri.TrimEnd('/');
        AppBaseUrl = SuiteTalkBaseUrl = RestletsBaseUrl = prefix + "/{account}";
        SystemBaseUrl = prefix + "/system";
    }

    /// <summary>The scopes as a list, in configured order.</summary>
    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
