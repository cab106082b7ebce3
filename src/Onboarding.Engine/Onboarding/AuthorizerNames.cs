using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Looks up who authorized and as which role, so shared conversations read "authorized as Administrator by Pat Admin".
/// Best effort: a failed lookup (a role that may not read roles or employees) leaves the ids on the card and never fails the step.
/// </summary>
public sealed class AuthorizerNames(AccountDirectory directory)
{
    public async Task<(string? RoleName, string? PersonName)> FindAsync(AccountId account, BearerToken token, long roleId, long entityId, CancellationToken cancellationToken)
    {
        var role = await directory.RoleNameAsync(account, token, roleId, cancellationToken).ConfigureAwait(false);
        var person = await directory.FindEmployeeAsync(account, token, entityId, cancellationToken).ConfigureAwait(false);
        return (role.IsSuccess ? role.Value : null, person.IsSuccess ? person.Value?.Name : null);
    }
}
