using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage.Migrations;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Storage;

/// <summary>
/// Brings the database to the latest schema: WAL on, then each pending migration in its own transaction.
/// The engine's own migrations always run; a host adds the tables of its channels through <see cref="IMigrationSource"/>.
/// </summary>
public sealed class MigrationRunner(
    SqliteDatabase database,
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
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """, cancellationToken).ConfigureAwait(false);

        // Applied by version number rather than "above the highest", so migrations from work that lands
        // out of order are still applied exactly once.
        var applied = await AppliedVersionsAsync(connection, null, cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            // BEGIN IMMEDIATE takes the write lock up front, so two hosts starting together cannot both apply it.
            await using var transaction = connection.BeginTransaction(deferred: false);
            if ((await AppliedVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false)).Contains(migration.Version))
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            MigrationApplied(logger, migration.Version, migration.Name);
        }

        var reached = await AppliedVersionsAsync(connection, null, cancellationToken).ConfigureAwait(false);
        return reached.Count == 0 ? 0 : reached.Max();
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_migrations";
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
