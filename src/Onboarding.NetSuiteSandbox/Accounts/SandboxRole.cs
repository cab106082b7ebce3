using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>A role in an account; its permissions can be taken away through test control.</summary>
internal sealed class SandboxRole(SeedRole seed)
{
    public int Id { get; } = seed.Id;
    public string ScriptId { get; } = seed.ScriptId;
    public string Name { get; } = seed.Name;
    public bool Inactive { get; } = seed.Inactive;
    public HashSet<string> Permissions { get; } = new(seed.Permissions, StringComparer.OrdinalIgnoreCase);

    public bool Has(string permission) => !Inactive && Permissions.Contains(permission);
}
