using static Onboarding.Engine.NetSuite.Internal.WireNames;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Maps a REST or RESTlet failure (status plus NetSuite's error code) to a NetSuiteError that says what to do.</summary>
internal static class HttpStatusTranslator
{
    public static NetSuiteError Translate(int status, string? code, string? detail) => (status, code) switch
    {
        (_, RestletErrorCodes.InvalidScriptletId) => new(
            NetSuiteErrorKind.ScriptNotDeployed,
            "The onboarding bundle's RESTlet is not deployed in this account. Install the bundle (Customization > SuiteBundler > Search & Install Bundles), check that its deployment is Released, then try again.",
            status,
            code,
            detail),
        (429, _) or (_, RestletErrorCodes.RequestLimitExceeded or RestErrorCodes.ConcurrencyLimitExceeded) => RateLimited(status, code, detail),
        (401, _) or (_, RestErrorCodes.InvalidLogin) => new(
            NetSuiteErrorKind.InvalidLogin,
            "NetSuite refused the access token: it expired or was revoked, or the role lost the \"Log in using OAuth 2.0 Access Tokens\" permission. Sign in again; if it keeps failing, ask your NetSuite admin to check the role.",
            status,
            code,
            detail),
        (403, _) or (_, RestErrorCodes.InsufficientPermission) => new(
            NetSuiteErrorKind.PermissionMissing,
            "The NetSuite role lacks a permission this step needs (REST Web Services, and for certificates \"Manage own OAuth 2.0 Client Credentials Certificates\"). Ask your NetSuite admin to add it to the role, then try again.",
            status,
            code,
            detail),
        (404, _) or (_, RestErrorCodes.NonexistentId) => new(
            NetSuiteErrorKind.NotFound,
            "NetSuite could not find what was asked for (record, certificate or account). Check that it still exists in this account.",
            status,
            code,
            detail),
        ( >= 500, _) => new(
            NetSuiteErrorKind.Unavailable,
            "NetSuite had a problem answering. Try again in a few minutes; if it persists, check NetSuite's status page.",
            status,
            code,
            detail),
        _ => new(
            NetSuiteErrorKind.InvalidRequest,
            "NetSuite rejected the request; its own words are below. If they do not point to something in your account, report them to the vendor.",
            status,
            code,
            detail),
    };

    public static NetSuiteError RateLimited(int? status, string? code, string? detail = null) => new(
        NetSuiteErrorKind.RateLimited,
        "NetSuite is busy: the account reached its limit of concurrent requests. Try again in a minute; the app already retried a few times.",
        status,
        code,
        detail);
}
