namespace Onboarding.Engine.Storage;

/// <summary>
/// Migrations contributed by a host module for tables the engine knows nothing about (e.g. a chat channel's own
/// delivery log). Versions must not clash with another module's range (docs/storage.md lists them).
/// </summary>
public interface IMigrationSource
{
    IEnumerable<Migration> Migrations { get; }
}
