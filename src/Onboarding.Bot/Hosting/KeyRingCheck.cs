using System.Xml.Linq;
using Microsoft.Data.Sqlite;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// Whether a database's protected secrets can be read with a key ring folder: every value in a <c>protected_*</c> column
/// names the Data Protection key that encrypted it (the payload starts with a 4-byte magic header and the 16-byte key id,
/// https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/authenticated-encryption-details), and
/// every key of the ring is one <c>key-*.xml</c> file with its <c>id</c>
/// (https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/key-storage-format). Nothing is decrypted.
/// </summary>
internal static class KeyRingCheck
{
    private const uint MagicHeader = 0x09F0C9F0;

    /// <summary>Throws with a message naming the folder and the setting when <paramref name="connection"/>'s secrets need keys the folder lacks.</summary>
    public static async Task EnsureReadableAsync(SqliteConnection connection, string keyRingFolder, string databasePath, CancellationToken cancellationToken)
    {
        var needed = await KeyIdsInUseAsync(connection, cancellationToken).ConfigureAwait(false);
        if (needed.Count == 0)
        {
            return;
        }

        var present = KeyIdsIn(keyRingFolder);
        var missing = needed.Keys.Where(id => !present.Contains(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var secrets = missing.Sum(id => needed[id]);
        var where = present.Count == 0
            ? $"the key ring folder {keyRingFolder} is missing or holds no keys"
            : $"the key ring folder {keyRingFolder} lacks the key(s) {string.Join(", ", missing)}";
        throw new InvalidOperationException(
            $"The database {databasePath} holds {secrets} secret(s) (tenant keys, tokens) encrypted with Data Protection, but {where}, so none of them could be read. "
            + "Put back the key ring that belongs to this database (the keys folder of the backup made with it: see docs/operations.md, Backup and restore), "
            + "or point Storage:DatabasePath at the database that belongs to this key ring. The key ring always lives in the 'keys' folder beside Storage:DatabasePath.");
    }

    /// <summary>The ids of the keys in a key ring folder (none when it does not exist).</summary>
    public static HashSet<Guid> KeyIdsIn(string keyRingFolder)
    {
        var ids = new HashSet<Guid>();
        if (!Directory.Exists(keyRingFolder))
        {
            return ids;
        }

        foreach (var file in Directory.EnumerateFiles(keyRingFolder, "*.xml"))
        {
            if (XDocument.Load(file).Root is { Name.LocalName: "key" } key && Guid.TryParse((string?)key.Attribute("id"), out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Every key id the stored secrets were encrypted with, and how many secrets use each.</summary>
    public static async Task<Dictionary<Guid, int>> KeyIdsInUseAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Every column holding a protected value is named protected_* (a convention all stores follow). Schema
        // introspection is SQLite's own (https://www.sqlite.org/pragma.html#pragfunc).
        var columns = new List<(string Table, string Column)>();
        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = """
                SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND p.name LIKE 'protected!_%' ESCAPE '!'
                """;
            await using var reader = await schema.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var ids = new Dictionary<Guid, int>();
        foreach (var (table, column) in columns)
        {
            await using var values = connection.CreateCommand();
            values.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var reader = await values.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (KeyIdOf(reader.GetString(0)) is { } id)
                {
                    ids[id] = ids.GetValueOrDefault(id) + 1;
                }
            }
        }

        return ids;
    }

    private static Guid? KeyIdOf(string protectedValue)
    {
        Span<byte> header = stackalloc byte[21];
        if (!Convert.TryFromBase64Chars(protectedValue.AsSpan(0, Math.Min(protectedValue.Length, 28)), header, out var written) || written < 20)
        {
            return null;
        }

        var magic = (uint)(header[0] << 24 | header[1] << 16 | header[2] << 8 | header[3]);
        return magic == MagicHeader ? new Guid(header[4..20]) : null;
    }
}
