using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Npgsql;

namespace Onboarding.Engine.Storage.Dialects;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. Serialized writes take a transaction-scoped advisory
/// lock, so the one-writer guarantee the stores rely on holds across every instance sharing the database.
/// </summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    // Any constant shared by all instances; it names this application's writer lock among the database's advisory locks.
    private const long WriterLockKey = 0x4F4E_424F_4152_4431; // "ONBOARD1"

    // Statements kept prepared per connection: more than the stores' frequent texts, far below what the server can hold.
    private const int AutoPreparedStatements = 100;

    // Statement texts are constants of the stores, so the cache stays small; a runaway producer of distinct texts stops it growing.
    private const int TranslationCacheLimit = 2_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ConcurrentDictionary<string, string> _translations = new(StringComparer.Ordinal);

    public PostgreSqlDialect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            // Names the bot's sessions in pg_stat_activity for whoever operates the server.
            builder.ApplicationName = "Onboarding";
        }

        if (builder.MaxAutoPrepare == 0)
        {
            // The stores send a few dozen statement texts over and over (the monitor's claims and writes thousands of times
            // a cycle): prepared once per connection, the server parses and plans each only once
            // (https://www.npgsql.org/doc/prepare.html#automatic-preparation). An operator's own setting wins.
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        Description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override string ForUpdateSkipLocked => "FOR UPDATE SKIP LOCKED";

    public override string InList(string parameter) => $"= ANY(@{parameter})";

    public override object ListOf(IEnumerable<string> values) => values.ToArray();

    public override string RowsOf(string parameter, string alias) => $"jsonb_array_elements(CAST(@{parameter} AS jsonb)) WITH ORDINALITY AS {alias}(value, key)";

    public override string Description { get; }

    // Serialized writers wait in memory rather than each holding a pooled connection while it waits for the advisory lock.
    internal override bool QueuesWriters(StorageAccess access) => access == StorageAccess.Write;

    internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    internal override Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal override async Task<DbTransaction> BeginAsync(DbConnection connection, StorageAccess access, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        if (access == StorageAccess.Read)
        {
            // One snapshot for every statement of the transaction, as a SQLite read transaction sees.
            return await npgsql.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        }

        var transaction = await npgsql.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        if (access == StorageAccess.Write)
        {
            try
            {
                // Held until commit or rollback (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS).
                await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", npgsql, transaction);
                command.Parameters.AddWithValue("key", WriterLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return transaction;
    }

    internal override string Translate(string sql)
    {
        if (_translations.TryGetValue(sql, out var translated))
        {
            return translated;
        }

        translated = PostgreSqlTranslator.Translate(sql);
        if (_translations.Count < TranslationCacheLimit)
        {
            _translations.TryAdd(sql, translated);
        }

        return translated;
    }

    // Plain VACUUM marks the deleted rows' space free for reuse without locking the tables out
    // (https://www.postgresql.org/docs/current/sql-vacuum.html); the bytes stay in the data files until reused, and in the
    // server's WAL archive and base backups (docs/operations.md, Erasure).
    internal override async Task<bool> ClearFreedSpaceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM";
        await vacuum.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal override string ListColumnsSql =>
        "SELECT table_name AS TableName, column_name AS ColumnName FROM information_schema.columns WHERE table_schema = current_schema()";

    internal override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
