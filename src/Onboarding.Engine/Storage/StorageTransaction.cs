using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Onboarding.Engine.Storage;

/// <summary>
/// One connection and one transaction: a write transaction takes SQLite's write lock up front (<c>BEGIN IMMEDIATE</c>),
/// so a read-then-write inside it cannot be overtaken. Nothing slow (no network call) happens while one is open.
/// </summary>
public sealed class StorageTransaction : IAsyncDisposable
{
    // SQLite has one writer at a time anyway. Queueing this process's writers asynchronously keeps them from blocking
    // thread-pool threads in SQLite's busy handler, which under load starves the very writer holding the lock.
    private static readonly ConditionalWeakTable<SqliteDatabase, SemaphoreSlim> WriterGates = new();

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private SemaphoreSlim? _writerGate;

    private StorageTransaction(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim? writerGate)
    {
        _connection = connection;
        _transaction = transaction;
        _writerGate = writerGate;
    }

    /// <summary>Opens a transaction; <paramref name="write"/> takes the write lock immediately.</summary>
    public static async Task<StorageTransaction> BeginAsync(SqliteDatabase database, bool write, CancellationToken cancellationToken)
    {
        var gate = write ? WriterGates.GetValue(database, _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        SqliteConnection? connection = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = connection.BeginTransaction(deferred: !write);
            return new StorageTransaction(connection, transaction, gate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            gate?.Release();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> in its own read transaction.</summary>
    public static async Task<T> ReadAsync<T>(SqliteDatabase database, Func<StorageTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        return await read(transaction).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> in its own write transaction and commits it.</summary>
    public static async Task WriteAsync(SqliteDatabase database, Func<StorageTransaction, Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(database, write: true, cancellationToken).ConfigureAwait(false);
        await write(transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rewrites the database file without the space freed by deletions (<c>VACUUM</c>) and empties the write-ahead log
    /// (<c>wal_checkpoint(TRUNCATE)</c>), so deleted rows leave no copy in free pages or the log
    /// (https://www.sqlite.org/lang_vacuum.html, https://www.sqlite.org/pragma.html#pragma_wal_checkpoint). Queued behind
    /// this process's writers; false when a reader kept the log from being emptied (the next checkpoint does it).
    /// </summary>
    public static async Task<bool> ClearFreedSpaceAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var gate = WriterGates.GetValue(database, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("VACUUM", cancellationToken: cancellationToken)).ConfigureAwait(false);
            var (busy, _, _) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
                new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return busy == 0;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await _connection.QueryAsync<T>(Command(sql, parameters, cancellationToken)).ConfigureAwait(false)).AsList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _writerGate, null)?.Release();
        }
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);
}
