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
    public const string CertificateLimit = "certificate_limit";
    public const string RoutineFailed = "routine_failed";
}
