namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// Which records (SuiteQL tables, record-API types) a role may see, after Oracle's Records Catalog
/// (Setup › Records Catalog, https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_160276344912.html):
/// each record names the permission it needs. The one place the sandbox decides record access.
/// </summary>
internal static class RecordAccess
{
    public const string Role = "role";
    public const string Employee = "employee";
    public const string Subsidiary = "subsidiary";
    public const string CompanyInformation = "companyinformation";
    public const string Script = "script";

    /// <summary>The standard records the sandbox serves and the permission each needs.</summary>
    private static readonly Dictionary<string, string> StandardRecords = new(StringComparer.OrdinalIgnoreCase)
    {
        [Role] = Permissions.ManageRoles,
        [Employee] = Permissions.Employees,
        [Subsidiary] = Permissions.Subsidiaries,
        [CompanyInformation] = Permissions.CompanyInformation,
        [Script] = Permissions.SuiteScript,
    };

    /// <summary>
    /// Whether <paramref name="role"/> may read and write <paramref name="record"/> (a table name or a custom record type's
    /// script id). Unknown records, and <c>subsidiary</c> without OneWorld, exist for nobody. Callers hold the account's lock.
    /// </summary>
    public static bool Allows(Account account, SandboxRole? role, string record, SandboxRules rules)
    {
        if (string.Equals(record, Subsidiary, StringComparison.OrdinalIgnoreCase) && !account.FeatureOn(AccountFeature.OneWorld, rules))
        {
            return false;
        }

        var type = account.InstalledRecordType(record);
        if (!StandardRecords.TryGetValue(record, out var permission) && type is null)
        {
            return false;
        }

        if (!rules.RecordPermissions)
        {
            return true;
        }

        if (role is null)
        {
            return false;
        }

        if (permission is not null)
        {
            return role.Has(permission);
        }

        // A custom record type: its permission on the role, or the role on the type's own permission list.
        return role.Has(Permissions.CustomRecord(type!.ScriptId))
            || (!role.Inactive && (type.PermittedRoles ?? []).Contains(role.ScriptId, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>What to tell a role that may not see <paramref name="record"/>, in the UI's words.</summary>
    public static string PermissionName(Account account, string record) =>
        StandardRecords.TryGetValue(record, out var permission)
            ? Permissions.DisplayName(permission)
            : account.InstalledRecordType(record)?.Name ?? record;
}
