using System.ComponentModel.DataAnnotations;
using Onboarding.Engine.Onboarding.PostInstall;
namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Settings section <c>Onboarding</c>: the vendor's app, bundle, role and RESTlet, who holds which staff role, which
/// routines run. It is the one home of the vendor kit's ids (step 2, the prerequisites routine and the health monitor all
/// read them here); their defaults are the ids in manifests/netsuite, which is the source of truth.
/// </summary>
public sealed class OnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>Sentinel for <see cref="EntityToMap"/>: map the certificate to the admin who authorized.</summary>
    public const string InstallingAdmin = "admin";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:AppName must name the app customers connect, e.g. Acme Connector.")]
    public string AppName { get; set; } = "Onboarding App";

    [Range(1, long.MaxValue, ErrorMessage = "Onboarding:BundleId must be the bundle's positive internal id, e.g. 500123.")]
    public long BundleId { get; set; } = 500123;

    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:BundleName must name the bundle as NetSuite shows it.")]
    public string BundleName { get; set; } = "Onboarding App";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:BundleVersion must give the bundle version customers install, e.g. 1.0.0.")]
    public string BundleVersion { get; set; } = "1.0.0";

    /// <summary>
    /// The install page. Placeholders: <c>{app}</c> (the account's UI base URL from <c>NetSuite:AppBaseUrl</c>),
    /// <c>{account}</c> (host label), <c>{bundleId}</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:BundleInstallUrlTemplate must be a URL template such as {app}/app/bundler/bundledetails.nl?id={bundleId}.")]
    public string BundleInstallUrlTemplate { get; set; } = "{app}/app/bundler/bundledetails.nl?id={bundleId}";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:RoleScriptId must be the bundle role's script id, e.g. customrole_onboarding_app.")]
    public string RoleScriptId { get; set; } = "customrole_onboarding_app";

    [Required]
    public RestletSettings BundleCheckRestlet { get; set; } = new();

    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:ConfigurationRecordType must name the custom record type to seed, e.g. customrecord_onboarding_config.")]
    public string ConfigurationRecordType { get; set; } = "customrecord_onboarding_config";

    /// <summary>The custom record field holding a configuration key.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:ConfigurationKeyField must name the key field, e.g. custrecord_onboarding_config_key.")]
    public string ConfigurationKeyField { get; set; } = "custrecord_onboarding_config_key";

    /// <summary>The custom record field holding a configuration value.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:ConfigurationValueField must name the value field, e.g. custrecord_onboarding_config_value.")]
    public string ConfigurationValueField { get; set; } = "custrecord_onboarding_config_value";

    /// <summary>Configuration records seeded by the <c>seed-configuration</c> routine: name → value.</summary>
    public Dictionary<string, string> ConfigurationRecords { get; set; } = new()
    {
        ["api_version"] = "1",
        ["sync_enabled"] = "true",
        ["alert_email"] = "",
    };

    /// <summary><c>admin</c> (the installing admin) or the internal id of an integration employee.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:EntityToMap must be 'admin' or an employee's internal id.")]
    public string EntityToMap { get; set; } = InstallingAdmin;

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Onboarding:AuthorizationLinkLifetime must be between 00:01:00 and 01:00:00.")]
    public TimeSpan AuthorizationLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the admin's delegated access lasts, counted from consent: never used or refreshed after that, and revoked
    /// and erased by the sweep at that moment if the onboarding has not ended it first. At most one hour, the promise the
    /// cards make (and the onboarding record's refresh-token validity, docs/netsuite.md §2.5).
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "01:00:00", ErrorMessage = "Onboarding:AdminAccessLifetime must be between 00:05:00 and 01:00:00 (the admin grants one hour at most).")]
    public TimeSpan AdminAccessLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a running step's claim holds before a retry may take it over (after a crash).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00", ErrorMessage = "Onboarding:StepLease must be between 00:00:10 and 00:30:00.")]
    public TimeSpan StepLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The shortest time between two updates of one card while it shows work in progress (docs/cards.md); a card that comes
    /// to rest is drawn at once. Zero draws every update as it happens.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Onboarding:CardUpdateInterval must be between 00:00:00 and 00:10:00, e.g. 00:00:00.5.")]
    public TimeSpan CardUpdateInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Who holds which staff role (<c>Onboarding:Roles</c>; docs/security.md).</summary>
    public Commands.StaffRoleOptions Roles { get; set; } = new();

    /// <summary>
    /// Retired: bare user ids named no platform or workspace. Still bound only so that a configuration setting it stops
    /// the host with a message saying how to move to <see cref="Roles"/>, instead of silently granting nothing.
    /// </summary>
    public List<string> StaffUserIds { get; set; } = [];

    /// <summary>Routine names run in order in step 4.</summary>
    public List<string> PostInstallRoutines { get; set; } =
    [
        ValidatePrerequisitesRoutine.RoutineName,
        SeedConfigurationRoutine.RoutineName,
        RegisterTenantMetadataRoutine.RoutineName,
        FinalConnectivityCheckRoutine.RoutineName,
    ];

    /// <summary>The entity to map: the authorizing admin's, or the configured one.</summary>
    public long? FixedEntityId => long.TryParse(EntityToMap, out var id) ? id : null;
}

/// <summary>A RESTlet's script and deployment ids (<c>customscript_…</c>, <c>customdeploy_…</c>).</summary>
public sealed class RestletSettings
{
    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:BundleCheckRestlet:Script must be the RESTlet's script id.")]
    public string Script { get; set; } = "customscript_onboarding_bundle_check";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Onboarding:BundleCheckRestlet:Deployment must be the RESTlet's deployment id.")]
    public string Deployment { get; set; } = "customdeploy_onboarding_bundle_check";
}
