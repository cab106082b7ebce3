using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// Brings the database to the latest schema before the server accepts its first request, and refuses to start when the
/// database holds secrets its key ring cannot read (a missing or wrong key ring), instead of failing later on every tenant.
/// </summary>
internal sealed class DatabaseMigrationService(MigrationRunner runner, Database database, KeyRingCheck keyRing, ILogger<DatabaseMigrationService> logger)
    : IHostedLifecycleService
{
    // StartingAsync runs before any hosted service's StartAsync, the web server's and Data Protection's key ring included.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var version = await runner.ApplyAsync(cancellationToken).ConfigureAwait(false);
        await keyRing.EnsureReadableAsync(cancellationToken).ConfigureAwait(false);
        Log.DatabaseReady(logger, database.Description, version);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
