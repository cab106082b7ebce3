using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Onboarding.Engine.Storage;

/// <summary>Opens connections to the one SQLite file with the pragmas every connection needs (foreign keys, busy timeout, WAL sync level).</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string databasePath, int busyTimeoutMilliseconds = 5_000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        BusyTimeoutMilliseconds = busyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    public SqliteDatabase(IOptions<StorageOptions> options)
        : this(options.Value.DatabasePath, options.Value.BusyTimeoutMilliseconds)
    {
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public int BusyTimeoutMilliseconds { get; }

    /// <summary>Opens a connection; the caller disposes it. The folder is created on first use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
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
            await using var pragma = connection.CreateCommand();
            // In WAL mode (set by the migrations) NORMAL syncs the log at checkpoints rather than on every commit: a crash of
            // the process loses nothing and the file cannot corrupt; only a power cut may undo the last commits, which the
            // idempotent steps redo. Syncing every commit made each health check and chat turn wait on the disk.
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
