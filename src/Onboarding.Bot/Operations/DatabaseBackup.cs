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
/// <remarks>SQLite only: with PostgreSQL the key ring is in the database and <c>pg_dump</c> is the tool (docs/operations.md).</remarks>
internal sealed class DatabaseBackup(Database database, IOptions<StorageOptions> storage, TimeProvider timeProvider)
{
    public const string DatabaseFileName = "onboarding.db";
    public const string KeyRingFolderName = KeyRingRegistration.KeyRingFolderName;
    public const string ManifestFileName = "backup.json";

    /// <summary>Writes a backup into <paramref name="folder"/>, which must be new or empty; checks the copy before returning.</summary>
    public async Task<BackupManifest> BackupAsync(string folder, CancellationToken cancellationToken)
    {
        var live = SqlitePath();
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"The backup folder {folder} already exists and is not empty: choose a new folder, so no earlier backup is overwritten.");
        }

        if (!File.Exists(live))
        {
            throw new BackupException($"There is no database at {live} (Storage:DatabasePath) to back up.");
        }

        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, DatabaseFileName);
        await CopyAsync(live, target, cancellationToken).ConfigureAwait(false);

        var keys = Path.Combine(folder, KeyRingFolderName);
        CopyKeyRing(KeyRingRegistration.KeyRingFolder(storage.Value), keys);
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
        var target = SqlitePath();
        folder = Path.GetFullPath(folder);
        var source = Path.Combine(folder, DatabaseFileName);
        var sourceKeys = Path.Combine(folder, KeyRingFolderName);
        if (!File.Exists(source))
        {
            throw new BackupException($"{folder} is not a backup: it has no {DatabaseFileName}.");
        }

        var manifest = await CheckAsync(source, sourceKeys, cancellationToken).ConfigureAwait(false);
        var targetKeys = KeyRingRegistration.KeyRingFolder(storage.Value);
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
        await CopyAsync(source, target, cancellationToken).ConfigureAwait(false);
        CopyKeyRing(sourceKeys, targetKeys);
        return manifest;
    }

    private string SqlitePath() => database.Provider == StorageProvider.Sqlite
        ? Path.GetFullPath(storage.Value.DatabasePath)
        : throw new BackupException($"Storage:Provider is {database.Provider}: back up with pg_dump, which takes the key ring with the database (docs/operations.md, Backup and restore).");

    // The online backup API copies a consistent snapshot page by page, the writers of a running bot notwithstanding.
    private static async Task CopyAsync(string from, string to, CancellationToken cancellationToken)
    {
        await using var source = Open(from, SqliteOpenMode.ReadWrite);
        await using var destination = Open(to, SqliteOpenMode.ReadWriteCreate);
        await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        await destination.OpenAsync(cancellationToken).ConfigureAwait(false);
        source.BackupDatabase(destination);
    }

    // The copy must open, pass SQLite's integrity check, and its secrets must be readable with the copied key ring.
    private static async Task<BackupManifest> CheckAsync(string databasePath, string keyRingFolder, CancellationToken cancellationToken)
    {
        await using var copy = Database.Sqlite(databasePath);
        try
        {
            var answer = await StorageTransaction.ReadAsync(copy, read => read.QuerySingleOrDefaultAsync<string>("PRAGMA integrity_check", null, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (answer != "ok")
            {
                throw new BackupException($"The database copy {databasePath} failed SQLite's integrity check: {answer}");
            }

            await KeyRingCheck.EnsureReadableAsync(copy, keyRingFolder, cancellationToken).ConfigureAwait(false);
            var secrets = (await StorageTransaction.ReadAsync(copy, read => KeyRingCheck.KeyIdsInUseAsync(read, cancellationToken), cancellationToken).ConfigureAwait(false)).Values.Sum();
            return new BackupManifest(
                default,
                await copy.SchemaVersionAsync(cancellationToken).ConfigureAwait(false),
                DatabaseFileName,
                Convert.ToHexStringLower(await HashAsync(databasePath, cancellationToken).ConfigureAwait(false)),
                KeyRingFolderName,
                [.. KeyRingCheck.KeyIdsIn(keyRingFolder).Order()],
                secrets);
        }
        catch (InvalidOperationException e)
        {
            throw new BackupException(e.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
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
