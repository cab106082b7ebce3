using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;
using static Onboarding.Engine.NetSuite.Internal.WireNames;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Maps a REST or RESTlet failure (status plus NetSuite's error code) to a NetSuiteError that says what to do.</summary>
internal static class HttpStatusTranslator
{
    public static NetSuiteError Translate(int status, string? code, string? detail) => (status, code) switch
    {
        (400, RestErrorCodes.InvalidParameter) when HiddenRecord(detail) is { } record => new(
            NetSuiteErrorKind.PermissionMissing,
            Phrase.Of(nameof(NetSuite_HiddenRecord), record),
            status,
            code,
            detail),
        (_, RestletErrorCodes.InvalidScriptletId) => new(
            NetSuiteErrorKind.ScriptNotDeployed,
            Phrase.Of(nameof(NetSuite_RestletNotDeployed)),
            status,
            code,
            detail),
        (429, _) or (_, RestletErrorCodes.RequestLimitExceeded or RestErrorCodes.ConcurrencyLimitExceeded) => RateLimited(status, code, detail),
        (401, _) or (_, RestErrorCodes.InvalidLogin) => new(
            NetSuiteErrorKind.InvalidLogin,
            Phrase.Of(nameof(NetSuite_TokenRefused)),
            status,
            code,
            detail),
        (403, _) or (_, RestErrorCodes.InsufficientPermission) => new(
            NetSuiteErrorKind.PermissionMissing,
            Phrase.Of(nameof(NetSuite_PermissionMissing)),
            status,
            code,
            detail),
        (404, _) or (_, RestErrorCodes.NonexistentId) => new(
            NetSuiteErrorKind.NotFound,
            Phrase.Of(nameof(NetSuite_NotFound)),
            status,
            code,
            detail),
        ( >= 500, _) => new(
            NetSuiteErrorKind.Unavailable,
            Phrase.Of(nameof(NetSuite_Unavailable)),
            status,
            code,
            detail),
        _ => new(
            NetSuiteErrorKind.InvalidRequest,
            Phrase.Of(nameof(NetSuite_Rejected)),
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
        Phrase.Of(nameof(NetSuite_RateLimited)),
        status,
        code,
        detail);
}
