namespace Onboarding.Engine.Storage;

/// <summary>One versioned schema change; applied once, inside a transaction, in version order.</summary>
/// <param name="Version">Unique; never renumbered or edited once released.</param>
/// <param name="Name">What the migration does, for the log and the <c>schema_migrations</c> table.</param>
/// <param name="Sql">
/// DDL in the project's SQLite style, which the PostgreSQL dialect translates; what it cannot translate faithfully it
/// refuses with the portable way to write it (docs/storage.md).
/// </param>
public sealed record Migration(int Version, string Name, string Sql);
