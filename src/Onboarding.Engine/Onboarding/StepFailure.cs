using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Why a step failed, in the three parts every failure view shows: the likely reason, what to do, and NetSuite's own
/// words for small print. <paramref name="Code"/> is a stable machine-readable cause (a <see cref="NetSuiteErrorKind"/> name or a flow code).
/// </summary>
public sealed record StepFailure(string Code, string Reason, string ToDo, string? Said = null)
{
    public static StepFailure From(NetSuiteError error) => new(error.Kind.ToString(), error.Explanation, ToDoFor(error.Kind), error.Said);

    /// <summary>A failure to get the admin's token: when the access ended, the failure that offers signing in again.</summary>
    public static StepFailure FromAdminAccess(NetSuiteError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code == FlowCodes.AdminAccessEnded
            ? new StepFailure(FlowCodes.AdminAccessEnded, error.Explanation, "Press Sign in again to give one more hour; nothing done so far is lost.")
            : From(error);
    }

    private static string ToDoFor(NetSuiteErrorKind kind) => kind switch
    {
        NetSuiteErrorKind.RateLimited or NetSuiteErrorKind.Unavailable or NetSuiteErrorKind.Network =>
            "Nothing to change on your side — press Retry in a minute.",
        NetSuiteErrorKind.InvalidLogin or NetSuiteErrorKind.InvalidGrant =>
            "Press Retry to sign in to NetSuite again; nothing done so far is lost.",
        NetSuiteErrorKind.PermissionMissing =>
            "Ask a NetSuite administrator to check the role's permissions, then press Retry.",
        NetSuiteErrorKind.ScriptNotDeployed =>
            "Check that the bundle is installed and its RESTlet deployment is released, then press Retry.",
        _ => "Press Retry; if it keeps failing, send the small print below to support.",
    };
}
