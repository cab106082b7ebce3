using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>Runs one <see cref="ReauthorizationPurpose"/> with the admin's token; registered in DI by the area that owns the work.</summary>
public interface IReauthorizationPurpose
{
    ReauthorizationPurpose Purpose { get; }

    /// <summary>Words for the card, completing "Re-authorize 1234567 for one hour —": "to rotate its certificate".</summary>
    Phrase Describe(Reauthorization reauthorization);

    Task<ReauthorizationResult> RunAsync(Reauthorization reauthorization, BearerToken adminToken, CancellationToken cancellationToken);
}

/// <summary>How a purpose went: one line for the card and the audit log, and ids worth showing.</summary>
/// <param name="Said">NetSuite's own code and status for small print, when it refused.</param>
public sealed record ReauthorizationResult(bool Succeeded, Phrase Summary, IReadOnlyList<ResultFact> Facts, string? Said = null);

/// <summary>A name and value a purpose reports ("New certificate", its id), said in the card's language.</summary>
public sealed record ResultFact(Phrase Name, Phrase Value);
