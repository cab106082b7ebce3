namespace Onboarding.NetSuiteSandbox.Errors;

/// <summary>Error codes and texts NetSuite uses in its REST error envelope.</summary>
internal static class RestErrorCodes
{
    public const string InvalidLogin = "INVALID_LOGIN";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string InvalidContent = "INVALID_CONTENT";
    public const string InsufficientPermission = "INSUFFICIENT_PERMISSION";
    public const string NonexistentId = "NONEXISTENT_ID";
    public const string ConcurrencyLimitExceeded = "CONCURRENCY_LIMIT_EXCEEDED";
    public const string UnexpectedError = "UNEXPECTED_ERROR";
    public const string InvalidAccount = "INVALID_ACCOUNT";

    public const string InvalidLoginDetail =
        "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

    public const string MalformedDetail = "The request could not be understood by the server due to malformed syntax.";
    public const string ConcurrencyDetail = "Concurrent request limit exceeded. Request blocked.";
}
