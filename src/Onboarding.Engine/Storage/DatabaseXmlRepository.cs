using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Onboarding.Engine.Storage;

/// <summary>
/// The Data Protection key ring in the shared database (table <c>data_protection_keys</c>), so every instance reads and
/// writes the same keys and losing an instance loses none. Elements arrive already encrypted when a certificate protects
/// the ring; this store never sees a key in clear unless none is configured (docs/storage.md).
/// </summary>
public sealed class DatabaseXmlRepository(Database database, TimeProvider timeProvider) : IXmlRepository
{
    // Data Protection's repository contract is synchronous. It is called at start-up, when a key is created and when the
    // ring is refreshed (about once a day), never per request; Task.Run keeps the wait off any caller's context.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => StorageTransaction.ReadAsync(database, async read =>
            (await read.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name", null, CancellationToken.None).ConfigureAwait(false))
                .Select(xml => XElement.Parse(xml))
                .ToList(),
            CancellationToken.None)).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        var now = StoredTime.Format(timeProvider.GetUtcNow());
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        Task.Run(() => StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write =>
        {
            const string Insert = "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now) ON CONFLICT (name) DO NOTHING";
            // Key names carry the key's id and never repeat; should one ever, the element is kept under a fresh name, not lost.
            if (await write.ExecuteAsync(Insert, new { name, xml, now }, CancellationToken.None).ConfigureAwait(false) == 0)
            {
                await write.ExecuteAsync(Insert, new { name = $"{name}-{Guid.NewGuid():N}", xml, now }, CancellationToken.None).ConfigureAwait(false);
            }
        }, CancellationToken.None)).GetAwaiter().GetResult();
    }
}
