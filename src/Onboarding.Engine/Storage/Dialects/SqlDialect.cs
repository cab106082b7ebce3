using System.Data.Common;

namespace Onboarding.Engine.Storage.Dialects;

/// <summary>
/// Everything that differs between the storage providers, in one place: opening and preparing connections, starting
/// transactions with the promised isolation (<see cref="StorageAccess"/>), turning the project's SQL into the engine's,
/// and recognising its errors. Stores never see a provider: they write portable SQL through <see cref="StorageTransaction"/>.
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>
    /// The clause that ends a <c>SELECT</c> claiming rows for the current write transaction while other instances claim
    /// others: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL; nothing on SQLite, whose write transaction already holds the
    /// database's only write lock, so no other writer can see the rows until it commits.
    /// </summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>
    /// The test of a column against a list of texts bound to <paramref name="parameter"/> as <see cref="ListOf"/> gives it,
    /// to write after the column. One parameter and one statement text whatever the list's length, so the statement is
    /// prepared alike every time: a JSON array read by <c>json_each</c> on SQLite, an array on PostgreSQL.
    /// </summary>
    public abstract string InList(string parameter);

    /// <summary>The value to bind to an <see cref="InList"/> parameter.</summary>
    public abstract object ListOf(IEnumerable<string> values);

    /// <summary>
    /// A table source, named <paramref name="alias"/>, of the rows in a JSON array of arrays bound to
    /// <paramref name="parameter"/>: one row per inner array, in column <c>value</c>, with its place in the array in column
    /// <c>key</c> (ascending in array order). <c>json_each</c> on SQLite, <c>jsonb_array_elements … WITH ORDINALITY</c> on
    /// PostgreSQL. Used through <see cref="JsonRowSet{T}"/>, which writes the array and reads the fields.
    /// </summary>
    public abstract string RowsOf(string parameter, string alias);

    /// <summary>Where the data lives, for logs and <c>/healthz</c>; never contains a password.</summary>
    public abstract string Description { get; }

    /// <summary>Whether writers of this process queue in memory before opening a transaction (see <see cref="StorageTransaction"/>).</summary>
    internal abstract bool QueuesWriters(StorageAccess access);

    /// <summary>Opens a connection with whatever every connection needs.</summary>
    internal abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Once, before the migrations: database-wide settings that cannot be changed inside a transaction.</summary>
    internal abstract Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction on <paramref name="connection"/> with the isolation <paramref name="access"/> promises.</summary>
    internal abstract Task<DbTransaction> BeginAsync(DbConnection connection, StorageAccess access, CancellationToken cancellationToken);

    /// <summary>The engine's form of SQL written in the project's portable style.</summary>
    internal abstract string Translate(string sql);

    /// <summary>
    /// Outside any transaction: drops the space deleted rows took, so an erasure leaves no copy in the files the provider
    /// manages; false when it could not finish at once.
    /// </summary>
    internal abstract Task<bool> ClearFreedSpaceAsync(CancellationToken cancellationToken);

    /// <summary>A query listing every column of the schema's tables as <c>TableName</c>, <c>ColumnName</c> (for checks that go by column name).</summary>
    internal abstract string ListColumnsSql { get; }

    /// <summary>True when <paramref name="exception"/> says a unique index or primary key refused a write.</summary>
    internal abstract bool IsUniqueViolation(DbException exception);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
