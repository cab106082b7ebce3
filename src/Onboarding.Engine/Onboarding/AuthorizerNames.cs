using System.Globalization;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Looks up who authorized and as which role, so shared conversations read "authorized as Administrator by Pat Admin".
/// Best effort: a failed lookup leaves the ids on the card and never fails the step.
/// </summary>
public sealed class AuthorizerNames(ISuiteQlClient suiteQl)
{
    public async Task<(string? RoleName, string? PersonName)> FindAsync(AccountId account, BearerToken token, long roleId, long entityId, CancellationToken cancellationToken)
    {
        var role = await suiteQl.QueryAsync(account, token, "SELECT name FROM role WHERE id = ?", [roleId.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        var person = await suiteQl.QueryAsync(account, token, "SELECT entityid, firstname, lastname FROM employee WHERE id = ?", [entityId.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        var roleName = role.IsSuccess ? role.Value.Items.FirstOrDefault()?.GetValueOrDefault("name") : null;
        var row = person.IsSuccess ? person.Value.Items.FirstOrDefault() : null;
        var fullName = string.Join(' ', new[] { row?.GetValueOrDefault("firstname"), row?.GetValueOrDefault("lastname") }.OfType<string>()).Trim();
        return (roleName, fullName.Length > 0 ? fullName : row?.GetValueOrDefault("entityid"));
    }
}
