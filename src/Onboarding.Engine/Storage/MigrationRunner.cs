using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage.Migrations;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Storage;

/// <summary>Brings the database to the latest schema: WAL on, then each pending migration in its own transaction.</summary>
public sealed class MigrationRunner(SqliteDatabase database, TimeProvider timeProvider, ILogger<MigrationRunner> logger)
{
    /// <summary>Applies pending migrations and returns the schema version reached. Running it again is a no-op.</summary>
    public Task<int> ApplyAsync(CancellationToken cancellationToken) => ApplyAsync(SchemaMigrations.All, cancellationToken);

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

        var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            // BEGIN IMMEDIATE takes the write lock up front, so two hosts starting together cannot both apply it.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var applied = await CurrentVersionAsync(connection, cancellationToken, transaction).ConfigureAwait(false);
            if (applied >= migration.Version)
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
            current = migration.Version;
        }

        return current;
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
