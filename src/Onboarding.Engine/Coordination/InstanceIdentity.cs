using System.Globalization;
using System.Security.Cryptography;

namespace Onboarding.Engine.Coordination;

/// <summary>
/// This process's name among the instances sharing one database: it marks the work this process has claimed (leases, the
/// command inbox, health checks) in the rows themselves, so an operator can see who holds what. A restarted process is a new
/// instance; whatever the old one held is taken over once its leases run out.
/// </summary>
public sealed class InstanceIdentity
{
    private long _sequence;

    public InstanceIdentity()
        : this($"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}")
    {
    }

    public InstanceIdentity(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Host name, process id and a random suffix, e.g. <c>web-1/4711/3fa9c2</c>.</summary>
    public string Name { get; }

    /// <summary>A holder name no other claim of this process uses: two workers of one instance must not share a lease.</summary>
    public string NextHolder() => $"{Name}#{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}";

    public override string ToString() => Name;
}
