namespace Onboarding.Engine.Onboarding;

/// <summary>Failure codes the flow itself assigns (NetSuite's own are <see cref="NetSuite.NetSuiteErrorKind"/> names).</summary>
public static class FlowCodes
{
    public const string BundleNotInstalled = "bundle_not_installed";
    public const string AdminAccessEnded = "admin_access_ended";
    public const string AuthorizationDenied = "authorization_denied";
    public const string AuthorizationExpired = "authorization_expired";
    public const string AccountMismatch = "account_mismatch";
    public const string AccountBusy = "account_busy";
    public const string AlreadyConnected = "already_connected";
    public const string RoleNotFound = "role_not_found";

    /// <summary>The role chosen at sign-in cannot do what steps 2 and 3 need, or an account feature is off (Retry or Sign in again).</summary>
    public const string PreflightFailed = "preflight_failed";

    /// <summary>The entity the certificate is mapped to does not hold the app's role (the admin adds it, then Retry).</summary>
    public const string EntityLacksRole = "entity_lacks_role";

    /// <summary>The entity the certificate is mapped to is not an employee of the account.</summary>
    public const string EntityNotFound = "entity_not_found";
    public const string CertificateLimit = "certificate_limit";
    public const string RoutineFailed = "routine_failed";

    /// <summary>NetSuite refused the app's own (client-credentials) sign-in, not the admin's: retry or replace the certificate, no new sign-in.</summary>
    public const string MachineTokenRefused = "machine_token_refused";
}
