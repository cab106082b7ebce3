using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Operations;

/// <summary>
/// Backs up the SQLite database together with its Data Protection key ring, and restores such a backup (docs/operations.md).
/// The database is copied with SQLite's online backup API (https://www.sqlite.org/backup.html), which gives a consistent copy
/// while the bot keeps running; the key ring is copied after it, so every key the copied secrets need is already there.
/// </summary>
internal sealed class DatabaseBackup(SqliteDatabase database, IOptions<StorageOptions> storage, TimeProvider timeProvider)
{
    public const string DatabaseFileName = "onboarding.db";
    public const string KeyRingFolderName = EngineStorageRegistration.KeyRingFolderName;
    public const string ManifestFileName = "backup.json";

    /// <summary>Writes a backup into <paramref name="folder"/>, which must be new or empty; checks the copy before returning.</summary>
    public async Task<BackupManifest> BackupAsync(string folder, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"The backup folder {folder} already exists and is not empty: choose a new folder, so no earlier backup is overwritten.");
        }

        if (!File.Exists(database.DatabasePath))
        {
            throw new BackupException($"There is no database at {database.DatabasePath} (Storage:DatabasePath) to back up.");
        }

        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, DatabaseFileName);
        await using (var source = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var destination = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            await destination.OpenAsync(cancellationToken).ConfigureAwait(false);
            source.BackupDatabase(destination);
        }

        var keys = Path.Combine(folder, KeyRingFolderName);
        CopyKeyRing(EngineStorageRegistration.KeyRingFolder(storage.Value), keys);
        var manifest = await CheckAsync(target, keys, cancellationToken).ConfigureAwait(false) with { CreatedAt = timeProvider.GetUtcNow() };
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFileName), JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>
    /// Puts the backup in <paramref name="folder"/> in place of the configured database and key ring. The bot must be
    /// stopped. An existing database is replaced only with <paramref name="replace"/>, and then moved aside, not deleted.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string folder, bool replace, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        var source = Path.Combine(folder, DatabaseFileName);
        var sourceKeys = Path.Combine(folder, KeyRingFolderName);
        if (!File.Exists(source))
        {
            throw new BackupException($"{folder} is not a backup: it has no {DatabaseFileName}.");
        }

        var manifest = await CheckAsync(source, sourceKeys, cancellationToken).ConfigureAwait(false);
        var target = database.DatabasePath;
        var targetKeys = EngineStorageRegistration.KeyRingFolder(storage.Value);
        var occupied = File.Exists(target) || KeyRingCheck.KeyIdsIn(targetKeys).Count > 0;
        if (occupied && !replace)
        {
            throw new BackupException(
                $"A database or key ring already exists at {target} / {targetKeys} (Storage:DatabasePath). Stop the bot and run restore again with --replace: "
                + "the current files are then moved aside (suffix .before-restore-<time>), not deleted.");
        }

        if (occupied)
        {
            MoveAside(target, targetKeys);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var from = Open(source, SqliteOpenMode.ReadOnly))
        await using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync(cancellationToken).ConfigureAwait(false);
            await to.OpenAsync(cancellationToken).ConfigureAwait(false);
            from.BackupDatabase(to);
        }

        CopyKeyRing(sourceKeys, targetKeys);
        return manifest;
    }

    // The copy must open, pass SQLite's integrity check, and its secrets must be readable with the copied key ring.
    private static async Task<BackupManifest> CheckAsync(string databasePath, string keyRingFolder, CancellationToken cancellationToken)
    {
        await using var connection = Open(databasePath, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check";
            var answer = await integrity.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            if (answer != "ok")
            {
                throw new BackupException($"The database copy {databasePath} failed SQLite's integrity check: {answer}");
            }
        }

        try
        {
            await KeyRingCheck.EnsureReadableAsync(connection, keyRingFolder, databasePath, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new BackupException(e.Message);
        }

        await using var version = connection.CreateCommand();
        version.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        var schema = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var secrets = (await KeyRingCheck.KeyIdsInUseAsync(connection, cancellationToken).ConfigureAwait(false)).Values.Sum();
        return new BackupManifest(
            default,
            schema,
            DatabaseFileName,
            Convert.ToHexStringLower(await HashAsync(databasePath, cancellationToken).ConfigureAwait(false)),
            KeyRingFolderName,
            [.. KeyRingCheck.KeyIdsIn(keyRingFolder).Order()],
            secrets);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static void CopyKeyRing(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*.xml"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: false);
        }
    }

    private void MoveAside(string databasePath, string keyRingFolder)
    {
        var suffix = ".before-restore-" + timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists))
        {
            File.Move(file, file + suffix);
        }

        if (Directory.Exists(keyRingFolder))
        {
            Directory.Move(keyRingFolder, keyRingFolder + suffix);
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task<byte[]> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
    }

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>What a backup holds, written beside it as <c>backup.json</c>: no secret, only ids, counts and a checksum.</summary>
internal sealed record BackupManifest(
    DateTimeOffset CreatedAt,
    int SchemaVersion,
    string Database,
    string DatabaseSha256,
    string KeyRing,
    IReadOnlyList<Guid> Keys,
    int ProtectedSecrets);

/// <summary>A backup or restore that cannot be done as asked; the message says why and what to do.</summary>
internal sealed class BackupException(string message) : Exception(message);
