namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// NetSuite permissions by their SDF keys (the <c>permkey</c> of a role object), the names the UI shows for them,
/// and the form of a custom record type's own permission. Seeds and test control may use either the key or the
/// display name; everything is compared as a key.
/// </summary>
internal static class Permissions
{
    public const string OAuth2Login = "ADMI_LOGIN_OAUTH2";
    public const string RestWebServices = "ADMI_RESTWEBSERVICES";
    public const string ManageOwnCertificates = "ADMI_MANAGE_OWN_OAUTH2_CERTS";
    public const string CompanyInformation = "ADMI_COMPANY";
    public const string ManageRoles = "ADMI_MANAGEROLES";
    public const string Employees = "LIST_EMPLOYEE_RECORD";
    public const string Subsidiaries = "LIST_SUBSIDIARY";
    public const string SuiteScript = "ADMI_CUSTOMSCRIPT";

    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        [OAuth2Login] = "Log in using OAuth 2.0 Access Tokens",
        [RestWebServices] = "REST Web Services",
        [ManageOwnCertificates] = "Manage own OAuth 2.0 Client Credentials certificates",
        [CompanyInformation] = "Company Information",
        [ManageRoles] = "Manage Roles",
        [Employees] = "Employee Record",
        [Subsidiaries] = "Subsidiaries",
        [SuiteScript] = "SuiteScript",
    };

    private static readonly Dictionary<string, string> KeysByDisplayName =
        DisplayNames.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The permission of a custom record type, as SDF writes it on a role: <c>[scriptid=customrecord_x]</c>.</summary>
    public static string CustomRecord(string recordTypeScriptId) => $"[scriptid={recordTypeScriptId.ToLowerInvariant()}]";

    /// <summary>The key for a key, a display name or a <c>[scriptid=…]</c> entry, in one canonical spelling.</summary>
    public static string Normalize(string permission)
    {
        var text = permission.Trim();
        if (KeysByDisplayName.TryGetValue(text, out var key))
        {
            return key;
        }

        return text.StartsWith("[scriptid=", StringComparison.OrdinalIgnoreCase) ? text.ToLowerInvariant() : text.ToUpperInvariant();
    }

    /// <summary>What NetSuite's UI calls the permission, for messages.</summary>
    public static string DisplayName(string key) => DisplayNames.GetValueOrDefault(key, key);
}
