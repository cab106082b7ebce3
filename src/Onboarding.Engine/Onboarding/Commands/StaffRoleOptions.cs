namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// Settings section <c>Onboarding:Roles</c>: who holds each staff role. Each entry is a <see cref="StaffMember"/>
/// (<c>msteams:&lt;entra-tenant-id&gt;/&lt;aadObjectId&gt;</c> or <c>slack:&lt;team-id&gt;/&lt;user-id&gt;</c>).
/// </summary>
public sealed class StaffRoleOptions
{
    /// <summary><c>Onboarding:Roles:Operations</c>: alerts, rotate, offboard, erase, audit, cancel anything.</summary>
    public List<string> Operations { get; set; } = [];

    /// <summary><c>Onboarding:Roles:Success</c>: onboard for clients, status of any tenant.</summary>
    public List<string> Success { get; set; } = [];

    /// <summary>Every entry with the role it grants, as written.</summary>
    public IEnumerable<(StaffRoles Role, string Key, string Entry)> Entries =>
        Operations.Select((e, i) => (StaffRoles.Operations, $"Onboarding:Roles:Operations:{i}", e))
            .Concat(Success.Select((e, i) => (StaffRoles.Success, $"Onboarding:Roles:Success:{i}", e)));
}
