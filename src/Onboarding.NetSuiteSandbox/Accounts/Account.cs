using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// One simulated NetSuite account and everything that changes in it. All reads and writes of the
/// mutable state happen under <see cref="Gate"/>; the simulator favours simple correctness over throughput.
/// </summary>
internal sealed class Account : IDisposable
{
    public Account(SeedAccount seed, int defaultConcurrencyLimit, DateTimeOffset now)
    {
        Id = seed.Id;
        HostLabel = Accounts.HostLabel.For(seed.Id);
        CompanyName = seed.CompanyName;
        ConcurrencyLimit = seed.ConcurrencyLimit ?? defaultConcurrencyLimit;
        SignedInEmployee = seed.SignedInEmployee;
        Features = AccountFeatures.Parse(seed.Features, seed.Id);
        Integrations = seed.Integrations.ToDictionary(i => i.ClientId, StringComparer.Ordinal);
        BlockedIntegrations = new HashSet<string>(seed.Integrations.Where(IsBlocked).Select(i => i.ClientId), StringComparer.Ordinal);
        Roles = seed.Roles.ToDictionary(r => r.Id, r => new SandboxRole(r));
        Employees = seed.Employees.ToDictionary(e => e.Id, e => new SandboxEmployee(e));
        Bundles = (seed.Bundles ?? []).ToDictionary(b => b.Id);
        SeedCustomRecords = seed.CustomRecords ?? new Dictionary<string, IReadOnlyList<Dictionary<string, string?>>>();
        Tables = new AccountTables(seed);
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

    /// <summary>Whether the entity exists, is active and holds the role (Access › Roles on its employee record).</summary>
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
        Tables.DropCustomRecordTable(bundle.CustomRecordType);
        return true;
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
