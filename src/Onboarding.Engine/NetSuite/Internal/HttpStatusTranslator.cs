using static Onboarding.Engine.NetSuite.Internal.WireNames;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Maps a REST or RESTlet failure (status plus NetSuite's error code) to a NetSuiteError that says what to do.</summary>
internal static class HttpStatusTranslator
{
    public static NetSuiteError Translate(int status, string? code, string? detail) => (status, code) switch
    {
        (400, RestErrorCodes.InvalidParameter) when HiddenRecord(detail) is { } record => new(
            NetSuiteErrorKind.PermissionMissing,
            $"The NetSuite role may not read '{record}' records (NetSuite answers as if they did not exist). Ask your NetSuite admin to give the role that record's permission, then try again.",
            status,
            code,
            detail),
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

    /// <summary>
    /// The record named by SuiteQL's answer to a table the role may not see: 400 <c>INVALID_PARAMETER</c> with
    /// "Search error occurred: Record 'role' was not found." (docs/netsuite.md, C3). Null for any other detail.
    /// </summary>
    public static string? HiddenRecord(string? detail)
    {
        const string Marker = "Search error occurred: Record '";
        var start = detail?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = detail!.IndexOf("' was not found", start, StringComparison.Ordinal);
        return end > start ? detail[start..end] : null;
    }

    public static NetSuiteError RateLimited(int? status, string? code, string? detail = null) => new(
        NetSuiteErrorKind.RateLimited,
        "NetSuite is busy: the account reached its limit of concurrent requests. Try again in a minute; the app already retried a few times.",
        status,
        code,
        detail);
}
