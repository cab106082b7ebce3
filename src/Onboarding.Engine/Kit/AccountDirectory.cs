using System.Globalization;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Language;

namespace Onboarding.Engine.Kit;

/// <summary>
/// What the onboarding reads about the account's roles and employees, always with the admin's token: the <c>role</c>
/// table needs Setup › Manage Roles and <c>employee</c> needs Lists › Employees, which the app's least-privilege role
/// never gets (docs/netsuite.md, C3).
/// </summary>
public sealed class AccountDirectory(ISuiteQlClient suiteQl, IOptions<OnboardingOptions> options)
{
    /// <summary>The app's role (<c>Onboarding:RoleScriptId</c>), or null when the account has no such role (the bundle is not installed).</summary>
    public async Task<NetSuiteResult<NetSuiteRole?>> FindAppRoleAsync(AccountId account, BearerToken adminToken, CancellationToken cancellationToken)
    {
        // SuiteQL compares strings case-sensitively and answers script ids in upper case (docs/netsuite.md §5.5), so both
        // sides are compared upper-cased.
        var result = await suiteQl.QueryAsync(
            account,
            adminToken,
            "SELECT id, name FROM role WHERE UPPER(scriptid) = ?",
            [options.Value.RoleScriptId.ToUpperInvariant()],
            cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        var row = result.Value.Items.FirstOrDefault();
        return NetSuiteResult<NetSuiteRole?>.Success(
            row is not null && row.TryGetValue("id", out var idText) && long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? new NetSuiteRole(id, row.GetValueOrDefault("name"))
                : null);
    }

    /// <summary>A role's name by internal id, or null when the account has no such role.</summary>
    public async Task<NetSuiteResult<string?>> RoleNameAsync(AccountId account, BearerToken adminToken, long roleId, CancellationToken cancellationToken)
    {
        var result = await suiteQl.QueryAsync(account, adminToken, "SELECT name FROM role WHERE id = ?", [roleId.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? NetSuiteResult<string?>.Success(result.Value.Items.FirstOrDefault()?.GetValueOrDefault("name")) : result.Error;
    }

    /// <summary>
    /// An employee with the roles assigned to them, or null when the account has no such employee. <c>rolesforsearch</c>
    /// lists the internal ids of the employee's roles, comma-separated (Oracle's documented use,
    /// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_0210124841.html).
    /// </summary>
    public async Task<NetSuiteResult<NetSuiteEmployee?>> FindEmployeeAsync(AccountId account, BearerToken adminToken, long employeeId, CancellationToken cancellationToken)
    {
        var result = await suiteQl.QueryAsync(
            account,
            adminToken,
            "SELECT id, entityid, firstname, lastname, rolesforsearch FROM employee WHERE id = ?",
            [employeeId.ToString(CultureInfo.InvariantCulture)],
            cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        if (result.Value.Items.FirstOrDefault() is not { } row)
        {
            return NetSuiteResult<NetSuiteEmployee?>.Success(null);
        }

        var fullName = string.Join(' ', new[] { row.GetValueOrDefault("firstname"), row.GetValueOrDefault("lastname") }.OfType<string>()).Trim();
        var roles = (row.GetValueOrDefault("rolesforsearch") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => long.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>()
            .ToHashSet();
        return NetSuiteResult<NetSuiteEmployee?>.Success(new NetSuiteEmployee(employeeId, fullName.Length > 0 ? fullName : row.GetValueOrDefault("entityid"), roles));
    }
}

/// <summary>A role of the account: its internal id (per account) and name.</summary>
public sealed record NetSuiteRole(long Id, string? Name);

/// <summary>An employee: internal id, display name, and the internal ids of the roles assigned to them.</summary>
public sealed record NetSuiteEmployee(long Id, string? Name, IReadOnlySet<long> RoleIds)
{
    public bool Holds(long roleId) => RoleIds.Contains(roleId);

    /// <summary>"Pat Admin (employee 7)", or "employee 7" without a name, in the reader's language.</summary>
    public Phrase Display => Name is { Length: > 0 } name ? Phrase.Of(nameof(Texts.Card_NamedEmployee), name, Id) : Phrase.Of(nameof(Texts.Card_Employee), Id);
}
