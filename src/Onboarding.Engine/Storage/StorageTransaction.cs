using System.Data.Common;
using Dapper;
using Onboarding.Engine.Storage.Dialects;

namespace Onboarding.Engine.Storage;

/// <summary>
/// The one way to the database: one connection and one transaction, on either provider. SQL is written once, in the
/// portable style of docs/storage.md, with Dapper's <c>@name</c> parameters; the provider's dialect translates it.
/// Nothing slow (no network call) happens while one is open.
/// </summary>
public sealed class StorageTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private SemaphoreSlim? _writerGate;

    private StorageTransaction(Database database, DbConnection connection, DbTransaction transaction, SemaphoreSlim? writerGate)
    {
        Dialect = database.Dialect;
        _connection = connection;
        _transaction = transaction;
        _writerGate = writerGate;
    }

    /// <summary>The provider's differences, for the rare statement that must name them (e.g. <see cref="SqlDialect.ForUpdateSkipLocked"/>).</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Opens a transaction; <paramref name="write"/> is a serialized <see cref="StorageAccess.Write"/>, otherwise a <see cref="StorageAccess.Read"/>.</summary>
    public static Task<StorageTransaction> BeginAsync(Database database, bool write, CancellationToken cancellationToken) =>
        BeginAsync(database, write ? StorageAccess.Write : StorageAccess.Read, cancellationToken);

    /// <summary>Opens a transaction with the isolation <paramref name="access"/> describes; dispose it (commit first to keep the writes).</summary>
    public static async Task<StorageTransaction> BeginAsync(Database database, StorageAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var gate = database.Dialect.QueuesWriters(access) ? database.WriterGate : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        DbConnection? connection = null;
        try
        {
            connection = await database.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await database.Dialect.BeginAsync(connection, access, cancellationToken).ConfigureAwait(false);
            return new StorageTransaction(database, connection, transaction, gate);
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
    public static async Task<T> ReadAsync<T>(Database database, Func<StorageTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var transaction = await BeginAsync(database, StorageAccess.Read, cancellationToken).ConfigureAwait(false);
        return await read(transaction).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> in its own serialized write transaction and commits it.</summary>
    public static Task WriteAsync(Database database, Func<StorageTransaction, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(database, StorageAccess.Write, write, cancellationToken);

    /// <summary>Runs <paramref name="write"/> in its own serialized write transaction, commits it and returns its result.</summary>
    public static Task<T> WriteAsync<T>(Database database, Func<StorageTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(database, StorageAccess.Write, write, cancellationToken);

    /// <summary>Runs <paramref name="write"/> in its own write transaction of kind <paramref name="access"/> and commits it.</summary>
    public static Task WriteAsync(Database database, StorageAccess access, Func<StorageTransaction, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAsync(database, access, async transaction =>
        {
            await write(transaction).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// After deleting data that must be gone for good (an erasure): makes the provider drop the space the deleted rows
    /// took (<see cref="SqlDialect"/>), queued behind this process's writers. False when it could not finish at once (a
    /// reader held SQLite's write-ahead log; its next checkpoint clears it).
    /// </summary>
    public static async Task<bool> ClearFreedSpaceAsync(Database database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.WriterGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await database.Dialect.ClearFreedSpaceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriterGate.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> in its own write transaction of kind <paramref name="access"/>, commits it and returns its result.</summary>
    public static async Task<T> WriteAsync<T>(Database database, StorageAccess access, Func<StorageTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var transaction = await BeginAsync(database, access, cancellationToken).ConfigureAwait(false);
        var result = await write(transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    /// <exception cref="UniqueConstraintException">A unique index or primary key refused the write.</exception>
    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(() => _connection.ExecuteAsync(Command(sql, parameters, cancellationToken)));

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(async () => (IReadOnlyList<T>)(await _connection.QueryAsync<T>(Command(sql, parameters, cancellationToken)).ConfigureAwait(false)).AsList());

    /// <summary>The single row (or scalar) the query returns, or the default when it returns none; throws on more than one.</summary>
    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(() => _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken)));

    /// <summary>The first column of the first row, or the default when there is none.</summary>
    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(() => _connection.ExecuteScalarAsync<T?>(Command(sql, parameters, cancellationToken)));

    /// <summary>Every column of the schema's tables, as (table, column).</summary>
    public async Task<IReadOnlyList<(string Table, string Column)>> ColumnsAsync(CancellationToken cancellationToken)
    {
        var rows = await _connection.QueryAsync<(string TableName, string ColumnName)>(
            new CommandDefinition(Dialect.ListColumnsSql, transaction: _transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => (r.TableName, r.ColumnName))];
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                // Even when the rollback failed (a dropped connection): the connection goes back, the next writer may go.
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Exchange(ref _writerGate, null)?.Release();
            }
        }
    }

    private async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> statement)
    {
        try
        {
            return await statement().ConfigureAwait(false);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw new UniqueConstraintException(e);
        }
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(Dialect.Translate(sql), parameters, _transaction, cancellationToken: cancellationToken);
}
