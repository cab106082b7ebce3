using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// Who may do what (docs/security.md): the roles a command's sender holds — from <c>Onboarding:Roles</c>, matched on
/// platform, workspace and user, plus whatever an <see cref="IStaffRoleSource"/> grants — and which roles each
/// <see cref="StaffPermission"/> needs. Staff-only routes derive from <see cref="StaffRoute"/>, which asks for
/// <see cref="StaffPermission.OperateConnections"/> (the Operations role) unless they say otherwise.
/// </summary>
public sealed class StaffPolicy(IOptionsMonitor<OnboardingOptions> options, IEnumerable<IStaffRoleSource> sources)
{
    private readonly IStaffRoleSource[] _sources = [.. sources];

    /// <summary>The roles that grant <paramref name="permission"/>: the one table of who may do what.</summary>
    public static StaffRoles RolesGranting(StaffPermission permission) => permission switch
    {
        StaffPermission.SeeEveryTenant => StaffRoles.Operations | StaffRoles.Success,
        StaffPermission.ActOnAnyOnboarding => StaffRoles.Operations | StaffRoles.Success,
        StaffPermission.CancelAnyOnboarding => StaffRoles.Operations,
        StaffPermission.OperateConnections => StaffRoles.Operations,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown staff permission."),
    };

    /// <summary>The roles of whoever sent <paramref name="command"/>, where they sent it.</summary>
    public StaffRoles RolesOf(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var roles = StaffRoles.None;
        foreach (var (role, _, entry) in options.CurrentValue.Roles.Entries)
        {
            // Entries are validated at start-up; one that does not parse grants nothing.
            if (StaffMember.TryParse(entry, out var member, out _) && member.Matches(command))
            {
                roles |= role;
            }
        }

        foreach (var source in _sources)
        {
            roles |= source.RolesOf(command);
        }

        return roles;
    }

    /// <summary>True when the sender of <paramref name="command"/> holds a role that grants <paramref name="permission"/>.</summary>
    public bool Allows(ChatCommand command, StaffPermission permission) => (RolesOf(command) & RolesGranting(permission)) != StaffRoles.None;
}
