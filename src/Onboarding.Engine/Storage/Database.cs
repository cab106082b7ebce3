using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage.Dialects;

namespace Onboarding.Engine.Storage;

/// <summary>
/// The one database of the host, on the configured provider (<c>Storage:Provider</c>). Every store reaches it through
/// <see cref="StorageTransaction"/>; nothing opens connections of its own.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private Database(SqlDialect dialect) => Dialect = dialect;

    public Database(IOptions<StorageOptions> options)
        : this(DialectFor(options.Value))
    {
    }

    public StorageProvider Provider => Dialect.Provider;

    /// <summary>Where the data lives (file path, or server and database name), for logs and <c>/healthz</c>; never a password.</summary>
    public string Description => Dialect.Description;

    /// <summary>The provider's differences, for the few statements that must name one (<see cref="SqlDialect.ForUpdateSkipLocked"/>).</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Queues this process's writers (<see cref="SqlDialect.QueuesWriters"/>); one per database, not per connection.</summary>
    internal SemaphoreSlim WriterGate { get; } = new(1, 1);

    /// <summary>A SQLite file (created with its folder on first use).</summary>
    public static Database Sqlite(string databasePath, int busyTimeoutMilliseconds = 5_000) =>
        new(new SqliteDialect(databasePath, busyTimeoutMilliseconds));

    /// <summary>A PostgreSQL database reached with an Npgsql connection string.</summary>
    public static Database PostgreSql(string connectionString) => new(new PostgreSqlDialect(connectionString));

    /// <summary>The schema version the database reports (the highest applied migration); throws when it cannot be reached.</summary>
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken) =>
        StorageTransaction.ReadAsync(
            this,
            async read => (int)await read.QuerySingleOrDefaultAsync<long>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", null, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public ValueTask DisposeAsync() => Dialect.DisposeAsync();

    private static SqlDialect DialectFor(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteDialect(options.DatabasePath, options.BusyTimeoutMilliseconds),
        StorageProvider.PostgreSql => new PostgreSqlDialect(options.ConnectionString
            ?? throw new InvalidOperationException($"Storage:Provider is PostgreSql but {StorageOptions.ConnectionStringKey} is empty.")),
        _ => throw new InvalidOperationException($"Storage:Provider {options.Provider} is not supported."),
    };
}
