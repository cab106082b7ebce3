namespace Onboarding.Engine.Storage;

/// <summary>One versioned schema change; applied once, inside a transaction, in version order.</summary>
/// <param name="Version">Strictly increasing; never renumbered once released.</param>
/// <param name="Name">What the migration does, for the log and the <c>schema_migrations</c> table.</param>
/// <param name="Sql">Portable SQL (kept close to what PostgreSQL also accepts).</param>
public sealed record Migration(int Version, string Name, string Sql);
