using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// Brings the database to the latest schema before the server accepts its first request, and refuses to start when the
/// database holds secrets its key ring cannot read (a missing or wrong <c>keys</c> folder), instead of failing later on every tenant.
/// </summary>
internal sealed class DatabaseMigrationService(MigrationRunner runner, SqliteDatabase database, IOptions<StorageOptions> storage, ILogger<DatabaseMigrationService> logger)
    : IHostedLifecycleService
{
    // StartingAsync runs before any hosted service's StartAsync, the web server's included.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var version = await runner.ApplyAsync(cancellationToken).ConfigureAwait(false);
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await KeyRingCheck.EnsureReadableAsync(connection, EngineStorageRegistration.KeyRingFolder(storage.Value), database.DatabasePath, cancellationToken).ConfigureAwait(false);
        }

        Log.DatabaseReady(logger, database.DatabasePath, version);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
