namespace Onboarding.Engine.Storage;

/// <summary>
/// Migrations contributed by a host module for tables the engine knows nothing about (e.g. a chat channel's own
/// delivery log). Versions must not clash with the engine's ranges (1–19, 30–39, 140–159) or each other.
/// </summary>
public interface IMigrationSource
{
    IEnumerable<Migration> Migrations { get; }
}
