using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>An employee (entity) of an account; its roles can be changed through test control.</summary>
internal sealed class SandboxEmployee(SeedEmployee seed)
{
    public int Id { get; } = seed.Id;
    public string EntityId { get; } = seed.EntityId;
    public string FirstName { get; } = seed.FirstName;
    public string LastName { get; } = seed.LastName;
    public string Email { get; } = seed.Email;
    public int? Subsidiary { get; } = seed.Subsidiary;
    public bool Inactive { get; } = seed.Inactive;

    /// <summary>The roles the employee may log in with (Access › Roles on the employee record).</summary>
    public SortedSet<int> Roles { get; } = [.. seed.Roles];

    public string Name => $"{FirstName} {LastName}";

    /// <summary>The employee's <c>rolesforsearch</c> field as SuiteQL shows it: internal ids, comma and space separated.</summary>
    public string RolesForSearch => string.Join(", ", Roles);
}
