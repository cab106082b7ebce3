using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Tests.Storage;

/// <summary>A real SQLite file in its own temp folder (a sub-folder that does not exist yet), deleted on dispose.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "onboarding-tests", Guid.NewGuid().ToString("N"));

    public TemporaryDatabase() => Database = new SqliteDatabase(Path.Combine(_folder, "data", "onboarding.db"));

    public SqliteDatabase Database { get; }

    public MigrationRunner CreateRunner(TimeProvider? time = null) =>
        new(Database, time ?? TimeProvider.System, NullLogger<MigrationRunner>.Instance);

    /// <summary>Runs one scalar query on a fresh connection.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
