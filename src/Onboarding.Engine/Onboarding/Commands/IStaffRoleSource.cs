using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// Roles a host grants beyond <c>Onboarding:Roles</c>. Only the local demo does (docs/security.md): it must never grant
/// anything to a request whose sender the platform has not vouched for in production.
/// </summary>
public interface IStaffRoleSource
{
    StaffRoles RolesOf(ChatCommand command);
}
