namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>NetSuite permission names the sandbox enforces (compared case-insensitively).</summary>
internal static class Permissions
{
    public const string OAuth2Login = "Log in using OAuth 2.0 Access Tokens";
    public const string RestWebServices = "REST Web Services";
    public const string ManageOwnCertificates = "Manage own OAuth 2.0 Client Credentials certificates";
}
