using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// A role in an account. The Administrator role (internal id 3 in every NetSuite account) holds every permission;
/// test control can still withdraw one from it, to simulate a customised or broken role.
/// </summary>
internal sealed class SandboxRole(SeedRole seed)
{
    public const int AdministratorId = 3;

    private readonly HashSet<string> _granted = new((seed.Permissions ?? []).Select(Accounts.Permissions.Normalize), StringComparer.Ordinal);
    private readonly HashSet<string> _withdrawn = new(StringComparer.Ordinal);

    public int Id { get; } = seed.Id;
    public string ScriptId { get; } = seed.ScriptId;
    public string Name { get; } = seed.Name;
    public bool Inactive { get; } = seed.Inactive;

    /// <summary>"Web Services Only" on the role: such a role cannot call RESTlets.</summary>
    public bool WebServicesOnly { get; } = seed.WebServicesOnly;

    public bool IsAdministrator => Id == AdministratorId;

    /// <summary>Permissions granted explicitly (the Administrator's implicit ones are not listed).</summary>
    public IReadOnlyCollection<string> Granted => _granted;

    /// <summary>Permissions taken away through test control.</summary>
    public IReadOnlyCollection<string> Withdrawn => _withdrawn;

    public bool Has(string permission)
    {
        var key = Accounts.Permissions.Normalize(permission);
        return !Inactive && !_withdrawn.Contains(key) && (IsAdministrator || _granted.Contains(key));
    }

    /// <summary>Grants a permission; false when the role already had it.</summary>
    public bool Grant(string permission)
    {
        var key = Accounts.Permissions.Normalize(permission);
        var had = Has(key);
        _withdrawn.Remove(key);
        _granted.Add(key);
        return !had;
    }

    /// <summary>Takes a permission away; false when the role did not have it.</summary>
    public bool Withdraw(string permission)
    {
        var key = Accounts.Permissions.Normalize(permission);
        if (!Has(key))
        {
            return false;
        }

        _granted.Remove(key);
        _withdrawn.Add(key);
        return true;
    }

    /// <summary>Replaces the permission sets, when saved state is loaded.</summary>
    public void Restore(IEnumerable<string> granted, IEnumerable<string> withdrawn)
    {
        _granted.Clear();
        _granted.UnionWith(granted.Select(Accounts.Permissions.Normalize));
        _withdrawn.Clear();
        _withdrawn.UnionWith(withdrawn.Select(Accounts.Permissions.Normalize));
    }
}
