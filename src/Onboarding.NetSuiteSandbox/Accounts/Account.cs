using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// One simulated NetSuite account and everything that changes in it. All reads and writes of the
/// mutable state happen under <see cref="Gate"/>; the simulator favours simple correctness over throughput.
/// </summary>
internal sealed class Account : IDisposable
{
    public Account(SeedAccount seed, SandboxOptions options, DateTimeOffset now)
    {
        Id = seed.Id;
        HostLabel = Accounts.HostLabel.For(seed.Id);
        CompanyName = seed.CompanyName;
        ConcurrencyLimit = seed.ConcurrencyLimit ?? options.ConcurrencyLimit;
        SignedInEmployee = seed.SignedInEmployee;
        Features = AccountFeatures.Parse(seed.Features, seed.Id);
        Integrations = seed.Integrations.ToDictionary(i => i.ClientId, StringComparer.Ordinal);
        BlockedIntegrations = new HashSet<string>(seed.Integrations.Where(IsBlocked).Select(i => i.ClientId), StringComparer.Ordinal);
        Roles = seed.Roles.ToDictionary(r => r.Id, r => new SandboxRole(r));
        Employees = seed.Employees.ToDictionary(e => e.Id, e => new SandboxEmployee(e));
        Bundles = (seed.Bundles ?? []).ToDictionary(b => b.Id);
        SeedCustomRecords = seed.CustomRecords ?? new Dictionary<string, IReadOnlyList<Dictionary<string, string?>>>();
        Tables = new AccountTables(seed, options.Rules.CaseSensitiveSuiteQl);
        if (!Employees.ContainsKey(SignedInEmployee))
        {
            throw new InvalidOperationException($"Seed account {Id}: signedInEmployee {SignedInEmployee} is not among its employees.");
        }

        foreach (var bundle in Bundles.Values.Where(b => b.Installed))
        {
            InstallBundle(bundle, now);
        }
    }

    public object Gate { get; } = new();
    public string Id { get; }
    public string HostLabel { get; }
    public string CompanyName { get; }
    public int ConcurrencyLimit { get; }
    public int SignedInEmployee { get; }

    /// <summary>The features switched on; test control can change all but OneWorld.</summary>
    public HashSet<AccountFeature> Features { get; }

    public IReadOnlyDictionary<string, SeedIntegration> Integrations { get; }

    /// <summary>Client ids of integration records whose State is Blocked.</summary>
    public HashSet<string> BlockedIntegrations { get; }

    public Dictionary<int, SandboxRole> Roles { get; }
    public IReadOnlyDictionary<int, SandboxEmployee> Employees { get; }
    public IReadOnlyDictionary<int, SeedBundle> Bundles { get; }
    public Dictionary<int, BundleInstallation> InstalledBundles { get; } = [];
    public List<CertificateMapping> Certificates { get; } = [];
    public Dictionary<string, AuthorizationCode> Codes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IssuedToken> Tokens { get; } = new(StringComparer.Ordinal);
    public HashSet<string> InstalledIntegrations { get; } = new(StringComparer.Ordinal);
    public AccountTables Tables { get; }

    /// <summary>Requests currently inside the concurrency gate, plus slots held by test control.</summary>
    public int InFlight { get; set; }

    /// <summary>Slots of <see cref="InFlight"/> held by test control to simulate a busy account.</summary>
    public int HeldSlots { get; set; }

    private IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, string?>>> SeedCustomRecords { get; }

    public string EmployeeName(int entityId) =>
        Employees.TryGetValue(entityId, out var e) ? e.Name : entityId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Why OAuth 2.0 with this integration record is refused in this account right now, as the Login Audit Trail
    /// names it (FeatureDisabled, IntegrationBlocked), or null when it may be used.
    /// </summary>
    public string? IntegrationRefusal(string clientId, SandboxRules rules)
    {
        lock (Gate)
        {
            if (rules.Features && !Features.Contains(AccountFeature.OAuth2))
            {
                return "FeatureDisabled";
            }

            return rules.BlockedIntegrations && BlockedIntegrations.Contains(clientId) ? "IntegrationBlocked" : null;
        }
    }

    /// <summary>Whether a feature is on, or counts as on because <see cref="SandboxRules.Features"/> is relaxed.</summary>
    public bool FeatureOn(AccountFeature feature, SandboxRules rules)
    {
        lock (Gate)
        {
            return !rules.Features || Features.Contains(feature);
        }
    }

    /// <summary>
    /// Why a token for (role, entity) may not be minted or used, as the Login Audit Trail names it
    /// (EntityOrRoleDisabled), or null: the role must exist, be active and allow OAuth 2.0 logins, the entity must be
    /// active and, unless <see cref="SandboxRules.EntityMustHoldRole"/> is relaxed, still hold the role.
    /// </summary>
    public string? PrincipalRefusal(int roleId, int entityId, SandboxRules rules)
    {
        lock (Gate)
        {
            var usable = Roles.TryGetValue(roleId, out var role) && role.Has(Permissions.OAuth2Login)
                && Employees.TryGetValue(entityId, out var employee) && !employee.Inactive
                && (!rules.EntityMustHoldRole || EntityHoldsRole(entityId, roleId));
            return usable ? null : "EntityOrRoleDisabled";
        }
    }

    /// <summary>
    /// Whether the entity exists, is active and holds the role (Access › Roles on its employee record): a certificate's
    /// entity must hold its role (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162686838198.html).
    /// </summary>
    public bool EntityHoldsRole(int entityId, int roleId) =>
        Employees.TryGetValue(entityId, out var e) && !e.Inactive && e.Roles.Contains(roleId);

    /// <summary>Gives an employee a role (Access › Roles); false when it already held it.</summary>
    public bool AssignRole(SandboxEmployee employee, int roleId)
    {
        if (!employee.Roles.Add(roleId))
        {
            return false;
        }

        Tables.UpdateEmployeeRoles(employee);
        return true;
    }

    /// <summary>Takes a role from an employee; false when it did not hold it.</summary>
    public bool UnassignRole(SandboxEmployee employee, int roleId)
    {
        if (!employee.Roles.Remove(roleId))
        {
            return false;
        }

        Tables.UpdateEmployeeRoles(employee);
        return true;
    }

    /// <summary>The custom record type of an installed bundle, by script id.</summary>
    public SeedCustomRecordType? InstalledRecordType(string scriptId) =>
        Bundles.Values
            .Where(b => InstalledBundles.ContainsKey(b.Id))
            .Select(b => b.CustomRecordType)
            .FirstOrDefault(t => string.Equals(t.ScriptId, scriptId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The bundle whose RESTlet matches a script and deployment given by script id or internal id.</summary>
    public SeedBundle? InstalledBundleWithRestlet(string script, string deploy) =>
        Bundles.Values.FirstOrDefault(b =>
            InstalledBundles.ContainsKey(b.Id)
            && Matches(script, b.Restlet.ScriptId, b.Restlet.ScriptInternalId)
            && Matches(deploy, b.Restlet.DeploymentId, b.Restlet.DeploymentInternalId));

    public void InstallBundle(SeedBundle bundle, DateTimeOffset now)
    {
        if (InstalledBundles.ContainsKey(bundle.Id))
        {
            return;
        }

        InstalledBundles[bundle.Id] = new BundleInstallation(now, SignedInEmployee, EmployeeName(SignedInEmployee));
        Roles[bundle.Role.Id] = new SandboxRole(bundle.Role);
        Tables.InsertRole(bundle.Role.Id, bundle.Role.ScriptId, bundle.Role.Name, bundle.Role.Inactive);
        Tables.InsertScript(bundle.Restlet);
        Tables.CreateCustomRecordTable(bundle.CustomRecordType);
        if (SeedCustomRecords.TryGetValue(bundle.CustomRecordType.ScriptId, out var rows))
        {
            foreach (var row in rows)
            {
                Tables.InsertCustomRecord(bundle.CustomRecordType, row, now);
            }
        }
    }

    public bool UninstallBundle(SeedBundle bundle)
    {
        if (!InstalledBundles.Remove(bundle.Id))
        {
            return false;
        }

        Roles.Remove(bundle.Role.Id);
        Tables.DeleteRole(bundle.Role.Id);
        Tables.DeleteScript(bundle.Restlet);
        Tables.DropCustomRecordTable(bundle.CustomRecordType);
        return true;
    }

    /// <summary>
    /// A sandbox refresh copies production over the sandbox: client-credentials mappings are cleared and, unless
    /// <see cref="SandboxRules.SandboxRefresh"/> is relaxed, so are the authorized applications, so every token, refresh
    /// token and code from before stops working (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162686838198.html).
    /// </summary>
    public void Refresh(SandboxRules rules)
    {
        Certificates.Clear();
        if (!rules.SandboxRefresh)
        {
            return;
        }

        foreach (var token in Tokens.Values)
        {
            token.Revoked = true;
        }

        Codes.Clear();
        InstalledIntegrations.Clear();
    }

    public void Dispose() => Tables.Dispose();

    private bool IsBlocked(SeedIntegration integration) => integration.State switch
    {
        SeedIntegration.Enabled => false,
        SeedIntegration.Blocked => true,
        _ => throw new InvalidOperationException(
            $"Seed account {Id}: integration {integration.ClientId} has state '{integration.State}'; use {SeedIntegration.Enabled} or {SeedIntegration.Blocked}."),
    };

    private static bool Matches(string given, string scriptId, int internalId) =>
        string.Equals(given, scriptId, StringComparison.OrdinalIgnoreCase)
        || given == internalId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
