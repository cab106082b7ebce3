using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage.Dialects;
using Onboarding.Engine.Storage.Migrations;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Brings the database to the latest schema: each pending migration in its own serialized write transaction, so hosts
/// starting together apply each migration once. The engine's own migrations always run; a host adds the tables of its
/// channels through <see cref="IMigrationSource"/>. The same migrations build both providers' schemas: the dialect
/// translates the portable SQLite-style DDL (docs/storage.md).
/// </summary>
public sealed class MigrationRunner(
    Database database,
    TimeProvider timeProvider,
    ILogger<MigrationRunner> logger,
    IEnumerable<IMigrationSource>? sources = null)
{
    private readonly IReadOnlyList<Migration> _migrations = Combine(sources);

    /// <summary>Every migration this runner applies, the engine's and the host's, in version order.</summary>
    public IReadOnlyList<Migration> Migrations => _migrations;

    /// <summary>Applies pending migrations and returns the schema version reached. Running it again is a no-op.</summary>
    public Task<int> ApplyAsync(CancellationToken cancellationToken) => ApplyAsync(_migrations, cancellationToken);

    private static IReadOnlyList<Migration> Combine(IEnumerable<IMigrationSource>? sources)
    {
        var all = SchemaMigrations.All.Concat(sources?.SelectMany(s => s.Migrations) ?? []).OrderBy(m => m.Version).ToList();
        var clash = all.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? all
            : throw new InvalidOperationException($"Two migrations claim version {clash.Key}: {string.Join(", ", clash.Select(m => m.Name))}.");
    }

    internal async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await database.Dialect.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await StorageTransaction.WriteAsync(database, write => write.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """, null, cancellationToken), cancellationToken).ConfigureAwait(false);

        // Applied by version number rather than "above the highest", so migrations from work that lands
        // out of order are still applied exactly once.
        var applied = await StorageTransaction.ReadAsync(database, read => AppliedVersionsAsync(read, cancellationToken), cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            // Serialized, and checked again inside: of two hosts starting together, the second finds it applied.
            var ran = await StorageTransaction.WriteAsync(database, async write =>
            {
                if ((await AppliedVersionsAsync(write, cancellationToken).ConfigureAwait(false)).Contains(migration.Version))
                {
                    return false;
                }

                await write.ExecuteAsync(Portable(migration), null, cancellationToken).ConfigureAwait(false);
                await write.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = StoredTime.Format(timeProvider.GetUtcNow()) },
                    cancellationToken).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            if (ran)
            {
                MigrationApplied(logger, migration.Version, migration.Name);
            }
        }

        var reached = await StorageTransaction.ReadAsync(database, read => AppliedVersionsAsync(read, cancellationToken), cancellationToken).ConfigureAwait(false);
        return reached.Count == 0 ? 0 : reached.Max();
    }

    // The dialect translates the statement again when it runs; this only names the migration when it cannot be translated.
    private string Portable(Migration migration)
    {
        try
        {
            _ = database.Dialect.Translate(migration.Sql);
            return migration.Sql;
        }
        catch (NonPortableSqlException e)
        {
            throw new InvalidOperationException($"Migration {migration.Version} ({migration.Name}) cannot run on {database.Provider}: {e.Message}", e);
        }
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(StorageTransaction transaction, CancellationToken cancellationToken) =>
        [.. (await transaction.QueryAsync<long>("SELECT version FROM schema_migrations", null, cancellationToken).ConfigureAwait(false)).Select(v => (int)v)];
}
