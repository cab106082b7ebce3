using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// Whether the database's protected secrets can be read with the key ring: every value in a <c>protected_*</c> column
/// names the Data Protection key that encrypted it (the payload starts with a 4-byte magic header and the 16-byte key id,
/// https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/authenticated-encryption-details), and
/// each key of the ring is an XML element with its <c>id</c>
/// (https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/key-storage-format). Nothing is decrypted.
/// </summary>
internal sealed class KeyRingCheck(Database database, IOptions<KeyManagementOptions> keys, IOptions<StorageOptions> storage)
{
    private const uint MagicHeader = 0x09F0C9F0;

    /// <summary>Throws with a message naming where the key ring lives and the setting, when stored secrets need keys it lacks.</summary>
    public async Task EnsureReadableAsync(CancellationToken cancellationToken)
    {
        var needed = await StorageTransaction.ReadAsync(database, read => KeyIdsInUseAsync(read, cancellationToken), cancellationToken).ConfigureAwait(false);
        var repository = keys.Value.XmlRepository ?? throw new InvalidOperationException("The Data Protection key ring has no repository (AddKeyRing registers it).");
        Ensure(needed, KeyIdsIn(repository.GetAllElements()), KeyRingRegistration.Describe(storage.Value, database), database.Description);
    }

    /// <summary>The same check for a database copy and the key ring folder beside it (a backup).</summary>
    public static async Task EnsureReadableAsync(Database copy, string keyRingFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var needed = await StorageTransaction.ReadAsync(copy, read => KeyIdsInUseAsync(read, cancellationToken), cancellationToken).ConfigureAwait(false);
        Ensure(needed, KeyIdsIn(keyRingFolder), $"folder {keyRingFolder}", copy.Description);
    }

    /// <summary>The ids of the keys in a key ring folder (none when it does not exist).</summary>
    public static HashSet<Guid> KeyIdsIn(string keyRingFolder) =>
        Directory.Exists(keyRingFolder) ? KeyIdsIn(Directory.EnumerateFiles(keyRingFolder, "*.xml").Select(file => XDocument.Load(file).Root!)) : [];

    /// <summary>Every key id the stored secrets were encrypted with, and how many secrets use each.</summary>
    public static async Task<Dictionary<Guid, int>> KeyIdsInUseAsync(StorageTransaction read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);

        // Every column holding a protected value is named protected_* (a convention all stores follow).
        var ids = new Dictionary<Guid, int>();
        foreach (var (table, column) in (await read.ColumnsAsync(cancellationToken).ConfigureAwait(false)).Where(c => c.Column.StartsWith("protected_", StringComparison.Ordinal)))
        {
            foreach (var value in await read.QueryAsync<string>($"SELECT {column} FROM {table} WHERE {column} IS NOT NULL", null, cancellationToken).ConfigureAwait(false))
            {
                if (KeyIdOf(value) is { } id)
                {
                    ids[id] = ids.GetValueOrDefault(id) + 1;
                }
            }
        }

        return ids;
    }

    private static void Ensure(Dictionary<Guid, int> needed, HashSet<Guid> present, string keyRing, string databaseDescription)
    {
        var missing = needed.Keys.Where(id => !present.Contains(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var secrets = missing.Sum(id => needed[id]);
        var lack = present.Count == 0 ? "holds no keys" : $"lacks the key(s) {string.Join(", ", missing)}";
        throw new InvalidOperationException(
            $"The {databaseDescription} holds {secrets} secret(s) (tenant keys, tokens) encrypted with Data Protection, but the key ring ({keyRing}) {lack}, so none of them could be read. "
            + "Put back the key ring that belongs to this database (with SQLite, the keys folder of the backup made with it: docs/operations.md, Backup and restore), "
            + "or point Storage:DatabasePath (SQLite; the key ring is the 'keys' folder beside it) or ConnectionStrings:Onboarding (PostgreSQL; the key ring is in the database) at the database that belongs to this key ring.");
    }

    private static HashSet<Guid> KeyIdsIn(IEnumerable<XElement> elements) =>
        [.. elements.Where(e => e.Name.LocalName == "key").Select(e => Guid.TryParse((string?)e.Attribute("id"), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];

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
