using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Onboarding.Engine.Storage;

namespace Onboarding.Tests.Shared.Storage;

/// <summary>
/// A throw-away database for one test: a real SQLite file in its own temp folder (a sub-folder that does not exist yet),
/// or a fresh database on the test run's PostgreSQL server. Everything is dropped on dispose.
/// </summary>
public sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly PostgreSqlServer? _server;
    private readonly string? _databaseName;

    private TemporaryDatabase(StorageProvider provider, string? folder, PostgreSqlServer? server, string? databaseName)
    {
        Provider = provider;
        _folder = folder;
        _server = server;
        _databaseName = databaseName;
        FilePath = folder is null ? null : Path.Combine(folder, "data", "onboarding.db");
        ConnectionString = server is null ? null : server.ConnectionString(databaseName!);
        Database = Open();
    }

    public StorageProvider Provider { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>The PostgreSQL connection string; null on SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>The PostgreSQL server's main process, whose children do the database's work; null on SQLite (in the host's process).</summary>
    public int? ServerProcessId => _server?.ProcessId;

    /// <summary>The database as one host sees it.</summary>
    public Database Database { get; }

    /// <summary>What a host needs to use this database: <c>Storage:*</c> and <c>ConnectionStrings:Onboarding</c>.</summary>
    public IReadOnlyDictionary<string, string?> HostSettings => Provider == StorageProvider.Sqlite
        ? new Dictionary<string, string?> { ["Storage:DatabasePath"] = FilePath }
        : new Dictionary<string, string?> { ["Storage:Provider"] = nameof(StorageProvider.PostgreSql), [StorageOptions.ConnectionStringKey] = ConnectionString };

    /// <summary>A SQLite file in a new temp folder, or a new database on the shared PostgreSQL server (skipped when not installed).</summary>
    public static async Task<TemporaryDatabase> CreateAsync(StorageProvider provider = StorageProvider.Sqlite)
    {
        if (provider == StorageProvider.Sqlite)
        {
            return new TemporaryDatabase(provider, Path.Combine(Path.GetTempPath(), "onboarding-tests", Guid.NewGuid().ToString("N")), null, null);
        }

        var server = await PostgreSqlServer.SharedAsync();
        return new TemporaryDatabase(provider, null, server, await server.CreateDatabaseAsync());
    }

    /// <summary>A new database of <paramref name="provider"/> with every engine migration (and <paramref name="sources"/>) applied.</summary>
    public static async Task<TemporaryDatabase> CreateMigratedAsync(StorageProvider provider, params IMigrationSource[] sources)
    {
        var temp = await CreateAsync(provider);
        try
        {
            await temp.CreateRunner(sources: sources).ApplyAsync(CancellationToken.None);
            return temp;
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another handle on the same database, as a second host instance would have.</summary>
    public Database Open() => Provider == StorageProvider.Sqlite ? Database.Sqlite(FilePath!) : Database.PostgreSql(ConnectionString!);

    public MigrationRunner CreateRunner(TimeProvider? time = null, IEnumerable<IMigrationSource>? sources = null) =>
        new(Database, time ?? TimeProvider.System, NullLogger<MigrationRunner>.Instance, sources);

    /// <summary>Runs one scalar query in a read transaction.</summary>
    public Task<object?> ScalarAsync(string sql, object? parameters = null) =>
        StorageTransaction.ReadAsync(Database, read => read.ExecuteScalarAsync<object>(sql, parameters, CancellationToken.None), CancellationToken.None);

    /// <summary>Whether the schema has a table of that name, asked the provider's own catalogue.</summary>
    public async Task<bool> HasTableAsync(string name) =>
        Convert.ToInt64(await ScalarAsync(
            Provider == StorageProvider.Sqlite
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name",
            new { name }), System.Globalization.CultureInfo.InvariantCulture) == 1;

    /// <summary>
    /// On PostgreSQL, gathers the planner's statistics now, as autovacuum does in a database that has been in use for more
    /// than a minute (its first pass comes <c>autovacuum_naptime</c> after a change, a minute by default): a fleet built
    /// in seconds would otherwise be planned from statistics taken before it existed. SQLite keeps none unless asked
    /// (<c>ANALYZE</c>), and the host never asks, so there it does nothing.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        if (Provider != StorageProvider.PostgreSql)
        {
            return;
        }

        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(_databaseName!);
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
