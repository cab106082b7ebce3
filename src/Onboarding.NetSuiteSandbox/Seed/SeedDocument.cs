namespace Onboarding.NetSuiteSandbox.Seed;

/// <summary>
/// The seed file: every account the sandbox serves. JSON, camelCase names, unknown properties ignored.
/// docs/sandbox.md describes every field; in short:
/// <code>
/// { "accounts": [ {
///     "id": "1234567_SB1",                        // account id; its host label (lowercase, _ → -) is the URL prefix
///     "companyName": "Demo Company (Sandbox)",
///     "concurrencyLimit": 5,                      // optional; else Sandbox:ConcurrencyLimit
///     "features": ["OneWorld", "OAuth2", "RestWebServices", "ServerSuiteScript"],  // optional; absent = all four
///     "signedInEmployee": 7,                      // who is "logged in" on consent and bundle pages
///     "integrations": [ { "internalId": 1, "name": "Onboarding App", "applicationId": "GUID",
///         "clientId": "...", "clientSecret": null, "publicClient": true,
///         "authorizationCodeGrant": true, "clientCredentialsGrant": false,
///         "scopes": ["rest_webservices", "restlets"], "redirectUris": ["https://..."],
///         "refreshTokenValidityHours": 1, "maxRotationHours": 1, "state": "Enabled" } ],   // state: Enabled | Blocked
///     "roles": [ { "id": 3, "scriptId": "administrator", "name": "Administrator" } ],   // role 3 holds every permission
///     "employees": [ { "id": 7, "entityId": "Pat Admin", "firstName": "Pat", "lastName": "Admin",
///         "email": "pat.admin@example.com", "subsidiary": 1, "roles": [3, 1001], "inactive": false } ],
///     "subsidiaries": [ { "id": 1, "name": "Demo Company Inc.", "country": "US" } ],
///     "companyInformation": { "companyName": "...", "legalName": "...", "country": "US", "baseCurrency": "USD",
///         "timeZone": "Europe/London" },  // timeZone optional: an Olson name, as NetSuite's company preference shows it
///     "bundles": [ { "id": 500123, "name": "Onboarding App", "version": "1.0.0", "publisher": "...",
///         "installed": false,
///         "role": { "id": 1001, "scriptId": "customrole_...", "name": "...", "webServicesOnly": false,
///                   "permissions": ["ADMI_LOGIN_OAUTH2", "ADMI_RESTWEBSERVICES", "[scriptid=customrecord_...]"] },
///         "restlet": { "scriptId": "customscript_...", "scriptInternalId": 2001,
///                      "deploymentId": "customdeploy_...", "deploymentInternalId": 1 },
///         "customRecordType": { "scriptId": "customrecord_...", "internalId": 3001, "name": "...",
///                               "fields": ["custrecord_..."], "permittedRoles": ["customrole_..."] } } ],
///     "customRecords": { "customrecord_...": [ { "name": "x", "custrecord_...": "y" } ] }  // rows present once the type exists
/// } ] }
/// </code>
/// </summary>
public sealed record SeedDocument(IReadOnlyList<SeedAccount> Accounts);

/// <summary>One NetSuite account.</summary>
public sealed record SeedAccount(
    string Id,
    string CompanyName,
    int? ConcurrencyLimit,
    int SignedInEmployee,
    IReadOnlyList<SeedIntegration> Integrations,
    IReadOnlyList<SeedRole> Roles,
    IReadOnlyList<SeedEmployee> Employees,
    IReadOnlyList<SeedSubsidiary>? Subsidiaries,
    SeedCompanyInformation? CompanyInformation,
    IReadOnlyList<SeedBundle>? Bundles,
    IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, string?>>>? CustomRecords,
    IReadOnlyList<string>? Features = null);

/// <summary>An integration record (OAuth 2.0 client).</summary>
public sealed record SeedIntegration(
    int InternalId,
    string Name,
    string ApplicationId,
    string ClientId,
    string? ClientSecret,
    bool PublicClient,
    bool AuthorizationCodeGrant,
    bool ClientCredentialsGrant,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> RedirectUris,
    int RefreshTokenValidityHours = 48,
    int MaxRotationHours = 168,
    string State = SeedIntegration.Enabled)
{
    public const string Enabled = "Enabled";
    public const string Blocked = "Blocked";
}

/// <summary>
/// A role with its permissions: SDF permission keys (<c>ADMI_RESTWEBSERVICES</c>, <c>LIST_EMPLOYEE_RECORD</c>, …) or
/// <c>[scriptid=customrecord_x]</c> for a custom record type. Role 3 (Administrator) holds every permission.
/// </summary>
public sealed record SeedRole(int Id, string ScriptId, string Name, IReadOnlyList<string>? Permissions = null, bool Inactive = false, bool WebServicesOnly = false);

/// <summary>An employee (entity) and the roles it may log in with.</summary>
public sealed record SeedEmployee(
    int Id, string EntityId, string FirstName, string LastName, string Email, int? Subsidiary, IReadOnlyList<int> Roles, bool Inactive = false);

/// <summary>A subsidiary row for SuiteQL (OneWorld accounts only).</summary>
public sealed record SeedSubsidiary(int Id, string Name, string? Country);

/// <summary>The company information row for SuiteQL.</summary>
public sealed record SeedCompanyInformation(string CompanyName, string? LegalName, string? Country, string? BaseCurrency, string? TimeZone = null);

/// <summary>A vendor bundle and the objects installing it creates.</summary>
public sealed record SeedBundle(
    int Id, string Name, string Version, string Publisher, bool Installed, SeedRole Role, SeedRestlet Restlet, SeedCustomRecordType CustomRecordType);

/// <summary>The bundle-check RESTlet and its deployment.</summary>
public sealed record SeedRestlet(string ScriptId, int ScriptInternalId, string DeploymentId, int DeploymentInternalId, string? Name = null);

/// <summary>
/// A custom record type; every field holds text. Roles reach its rows through <c>[scriptid=…]</c> on the role or by
/// being in <see cref="PermittedRoles"/> (role script ids), as the type's own permission list.
/// </summary>
public sealed record SeedCustomRecordType(string ScriptId, int InternalId, string Name, IReadOnlyList<string> Fields, IReadOnlyList<string>? PermittedRoles = null);
