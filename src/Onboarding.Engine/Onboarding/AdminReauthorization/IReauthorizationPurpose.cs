using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>Runs one <see cref="ReauthorizationPurpose"/> with the admin's token; registered in DI by the area that owns the work.</summary>
public interface IReauthorizationPurpose
{
    ReauthorizationPurpose Purpose { get; }

    /// <summary>Words for the card: "to rotate its certificate".</summary>
    string Describe(Reauthorization reauthorization);

    Task<ReauthorizationResult> RunAsync(Reauthorization reauthorization, BearerToken adminToken, CancellationToken cancellationToken);
}

/// <summary>How a purpose went: one line for the card and the audit log, and ids worth showing.</summary>
public sealed record ReauthorizationResult(bool Succeeded, string Summary, IReadOnlyList<Fact> Facts, string? Said = null);
