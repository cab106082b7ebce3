namespace Onboarding.Engine.Language;

/// <summary>
/// The time zone a reader's times are shown in, and where it came from: the person's own (the channel said it), the tenant's
/// (the company's time zone in NetSuite), or UTC. Times always carry the zone's name, so no reader mistakes one for another.
/// </summary>
public sealed class ReaderZone
{
    /// <summary>Longest time zone id kept (IANA ids are at most about 30 characters: "America/Argentina/ComodRivadavia").</summary>
    public const int MaxIdLength = 64;

    private ReaderZone(TimeZoneInfo zone, string name, ZoneSource source)
    {
        Zone = zone;
        Name = name;
        Source = source;
    }

    public static ReaderZone Utc { get; } = new(TimeZoneInfo.Utc, "UTC", ZoneSource.Utc);

    public TimeZoneInfo Zone { get; }

    /// <summary>The name shown after a time: "UTC", or the zone's IANA id with spaces ("Europe/Berlin", "America/New York").</summary>
    public string Name { get; }

    public ZoneSource Source { get; }

    /// <summary>The person's zone when known, else the tenant's, else UTC; an id this machine does not know counts as unknown.</summary>
    public static ReaderZone Pick(string? personZone, string? tenantZone) =>
        Find(personZone, ZoneSource.Person) ?? Find(tenantZone, ZoneSource.Tenant) ?? Utc;

    /// <summary>The zone's IANA id when <paramref name="id"/> names one this machine knows (IANA or Windows id); null otherwise.</summary>
    public static string? Normalize(string? id) => Resolve(id)?.Id;

    private static ReaderZone? Find(string? id, ZoneSource source) => Resolve(id) switch
    {
        null => null,
        // A zone that is UTC all year (Etc/UTC, UTC, Etc/GMT) reads as UTC.
        { BaseUtcOffset.Ticks: 0, SupportsDaylightSavingTime: false } => new ReaderZone(TimeZoneInfo.Utc, "UTC", source),
        { } zone => new ReaderZone(zone, zone.Id.Replace('_', ' '), source),
    };

    private static TimeZoneInfo? Resolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }

        // Named by its IANA id wherever the machine can tell it (a Windows id such as "W. Europe Standard Time" converts).
        return zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) || !TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var named)
            ? zone
            : named;
    }
}

/// <summary>Where a reader's time zone came from.</summary>
public enum ZoneSource
{
    /// <summary>The channel told the person's own zone (Teams' <c>localTimezone</c>, Slack's <c>tz</c>).</summary>
    Person,

    /// <summary>The company's time zone as NetSuite reports it.</summary>
    Tenant,

    /// <summary>Nothing better known.</summary>
    Utc,
}
