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
