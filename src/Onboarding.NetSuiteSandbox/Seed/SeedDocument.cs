namespace Onboarding.NetSuiteSandbox.Seed;

/// <summary>
/// The seed file: every account the sandbox serves. JSON, camelCase names, unknown properties ignored.
/// <code>
/// { "accounts": [ {
///     "id": "1234567_SB1",                        // account id; its host label (lowercase, _ → -) is the URL prefix
///     "companyName": "Demo Company (Sandbox)",
///     "concurrencyLimit": 5,                      // optional; else Sandbox:ConcurrencyLimit
///     "signedInEmployee": 7,                      // who is "logged in" on consent and bundle pages
///     "integrations": [ { "internalId": 1, "name": "Onboarding App", "applicationId": "GUID",
///         "clientId": "...", "clientSecret": null, "publicClient": true,
///         "authorizationCodeGrant": true, "clientCredentialsGrant": true,
///         "scopes": ["rest_webservices", "restlets"], "redirectUris": ["http://localhost:3978/..."],
///         "refreshTokenValidityHours": 48, "maxRotationHours": 168 } ],
///     "roles": [ { "id": 3, "scriptId": "administrator", "name": "Administrator", "inactive": false,
///         "permissions": ["Log in using OAuth 2.0 Access Tokens", "REST Web Services",
///                         "Manage own OAuth 2.0 Client Credentials certificates"] } ],
///     "employees": [ { "id": 7, "entityId": "Pat Admin", "firstName": "Pat", "lastName": "Admin",
///         "email": "pat.admin@example.com", "subsidiary": 1, "roles": [3], "inactive": false } ],
///     "subsidiaries": [ { "id": 1, "name": "Demo Company Inc.", "country": "US" } ],
///     "companyInformation": { "companyName": "...", "legalName": "...", "country": "US", "baseCurrency": "USD",
///         "timeZone": "Europe/London" },  // timeZone optional: an Olson name, as NetSuite's company preference shows it
///     "bundles": [ { "id": 500123, "name": "Onboarding App", "version": "1.0.0", "publisher": "...",
///         "installed": false,
///         "role": { ...a role as above... },
///         "restlet": { "scriptId": "customscript_...", "scriptInternalId": 2001,
///                      "deploymentId": "customdeploy_...", "deploymentInternalId": 1 },
///         "customRecordType": { "scriptId": "customrecord_...", "internalId": 3001, "name": "...",
///                               "fields": ["custrecord_..."] } } ],
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
    IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, string?>>>? CustomRecords);

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
    int MaxRotationHours = 168);

/// <summary>A role with its permissions (NetSuite's display names).</summary>
public sealed record SeedRole(int Id, string ScriptId, string Name, IReadOnlyList<string> Permissions, bool Inactive = false);

/// <summary>An employee (entity) and the roles it may log in with.</summary>
public sealed record SeedEmployee(
    int Id, string EntityId, string FirstName, string LastName, string Email, int? Subsidiary, IReadOnlyList<int> Roles, bool Inactive = false);

/// <summary>A subsidiary row for SuiteQL.</summary>
public sealed record SeedSubsidiary(int Id, string Name, string? Country);

/// <summary>The company information row for SuiteQL.</summary>
public sealed record SeedCompanyInformation(string CompanyName, string? LegalName, string? Country, string? BaseCurrency, string? TimeZone = null);

/// <summary>A vendor bundle and the objects installing it creates.</summary>
public sealed record SeedBundle(
    int Id, string Name, string Version, string Publisher, bool Installed, SeedRole Role, SeedRestlet Restlet, SeedCustomRecordType CustomRecordType);

/// <summary>The bundle-check RESTlet and its deployment.</summary>
public sealed record SeedRestlet(string ScriptId, int ScriptInternalId, string DeploymentId, int DeploymentInternalId);

/// <summary>A custom record type; every field holds text.</summary>
public sealed record SeedCustomRecordType(string ScriptId, int InternalId, string Name, IReadOnlyList<string> Fields);
