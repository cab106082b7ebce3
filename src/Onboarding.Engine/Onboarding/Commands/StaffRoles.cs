namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>The vendor's staff roles (<c>Onboarding:Roles</c>, docs/security.md). A person may hold both.</summary>
[Flags]
public enum StaffRoles
{
    None = 0,

    /// <summary>Runs the connections: alerts, rotate, offboard, erase, audit, and cancels any onboarding from anywhere.</summary>
    Operations = 1,

    /// <summary>Customer success: onboards for clients and sees every tenant's status.</summary>
    Success = 2,
}

/// <summary>
/// What a chat command may need beyond being in its conversation. Which roles grant which permission is decided in one
/// place, <see cref="StaffPolicy.RolesGranting"/>.
/// </summary>
public enum StaffPermission
{
    /// <summary>See every tenant: <c>status</c> of all or of any account, and who is onboarding an account elsewhere.</summary>
    SeeEveryTenant,

    /// <summary>Press every button of any onboarding whose card is in the conversation, not only its starter.</summary>
    ActOnAnyOnboarding,

    /// <summary>Cancel any open onboarding from any conversation (<c>cancel &lt;account&gt;</c>).</summary>
    CancelAnyOnboarding,

    /// <summary>Change or inspect live connections: alerts, rotate, offboard, erase, audit, incident and re-authorization buttons.</summary>
    OperateConnections,
}
