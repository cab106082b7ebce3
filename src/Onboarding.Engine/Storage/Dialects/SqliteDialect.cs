using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Onboarding.Engine.Storage.Dialects;

/// <summary>SQLite: one file, WAL, one writer at a time. The project's SQL is written for it, so nothing is translated.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (https://www.sqlite.org/rescode.html).
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    private static readonly object Prepared = new();

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;

    // Physical connections (the native handles the pool reuses) whose settings are already made; collected with them.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _prepared = [];

    public SqliteDialect(string databasePath, int busyTimeoutMilliseconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _busyTimeoutMilliseconds = busyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    public string DatabasePath { get; }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string ForUpdateSkipLocked => string.Empty;

    // Dapper's own list expansion (IN @p) gave one parameter per value, a statement text per list length, and SQLite
    // looked each parameter's name up among all the others: quadratic in the list's length (https://sqlite.org/json1.html#jeach).
    public override string InList(string parameter) => $"IN (SELECT value FROM json_each(@{parameter}))";

    public override object ListOf(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values);

    public override string RowsOf(string parameter, string alias) => $"json_each(@{parameter}) AS {alias}";

    public override string Description => $"SQLite file {DatabasePath}";

    // SQLite has one writer at a time anyway. Queueing this process's writers asynchronously keeps them from blocking
    // thread-pool threads in SQLite's busy handler, which under load starves the very writer holding the lock.
    internal override bool QueuesWriters(StorageAccess access) => access != StorageAccess.Read;

    internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // The settings belong to the physical connection, which the pool hands out again and again: set them the first
            // time only, rather than run three statements before every transaction.
            if (!_prepared.TryGetValue(connection.Handle!, out _))
            {
                await using var pragma = connection.CreateCommand();
                // In WAL mode (set by PrepareAsync) NORMAL syncs the log at checkpoints rather than on every commit: a crash of
                // the process loses nothing and the file cannot corrupt; only a power cut may undo the last commits, which the
                // idempotent steps redo. Syncing every commit made each health check and chat turn wait on the disk.
                pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _prepared.AddOrUpdate(connection.Handle!, Prepared);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // The journal mode is a property of the file and cannot change inside a transaction.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal override Task<DbTransaction> BeginAsync(DbConnection connection, StorageAccess access, CancellationToken cancellationToken) =>
        // A writer takes the write lock up front (BEGIN IMMEDIATE), so a read-then-write inside it cannot be overtaken.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: access == StorageAccess.Read));

    internal override string Translate(string sql) => sql;

    // VACUUM rewrites the file from its live rows only (https://www.sqlite.org/lang_vacuum.html); the TRUNCATE checkpoint
    // then copies the result into the file and empties the write-ahead log, which still held the old pages
    // (https://www.sqlite.org/pragma.html#pragma_wal_checkpoint). Its first column is 1 when a reader kept it from finishing.
    internal override async Task<bool> ClearFreedSpaceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM";
        await vacuum.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await checkpoint.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) == 0;
    }

    // The table-valued pragma function (https://www.sqlite.org/pragma.html#pragfunc).
    internal override string ListColumnsSql =>
        "SELECT m.name AS TableName, p.name AS ColumnName FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";

    internal override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraint or PrimaryKeyConstraint };
}
