using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Why a step failed, in the three parts every failure view shows: the likely reason, what to do, and NetSuite's own
/// words for small print. <paramref name="Code"/> is a stable machine-readable cause (a <see cref="NetSuiteErrorKind"/> name
/// or a flow code). Reason and what to do are phrases, stored as such, so the card says them in its reader's language.
/// </summary>
/// <param name="Said">NetSuite's own code and status ("INVALID_LOGIN (401)"), shown as small print; null when it said nothing.</param>
public sealed record StepFailure(string Code, Phrase Reason, Phrase ToDo, string? Said = null)
{
    /// <summary>What a failed card shows when no failure was recorded (it should not happen).</summary>
    public static StepFailure Unknown { get; } = new("unknown", Phrase.Of(nameof(Failure_Unknown)), Phrase.Of(nameof(Failure_UnknownToDo)));

    public static StepFailure From(NetSuiteError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Kind.ToString(), error.Explanation, ToDoFor(error.Kind), error.Said);
    }

    /// <summary>A failure to get the admin's token: when the access ended, the failure that offers signing in again.</summary>
    public static StepFailure FromAdminAccess(NetSuiteError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code == FlowCodes.AdminAccessEnded
            ? new StepFailure(FlowCodes.AdminAccessEnded, error.Explanation, Phrase.Of(nameof(Failure_AdminAccessEndedToDo)))
            : From(error);
    }

    private static Phrase ToDoFor(NetSuiteErrorKind kind) => Phrase.Of(kind switch
    {
        NetSuiteErrorKind.RateLimited or NetSuiteErrorKind.Unavailable or NetSuiteErrorKind.Network => nameof(Failure_TransientToDo),
        NetSuiteErrorKind.InvalidLogin or NetSuiteErrorKind.InvalidGrant => nameof(Failure_SignInToDo),
        NetSuiteErrorKind.PermissionMissing => nameof(Failure_PermissionToDo),
        NetSuiteErrorKind.ScriptNotDeployed => nameof(Failure_ScriptToDo),
        _ => nameof(Failure_OtherToDo),
    });
}
