namespace Onboarding.Engine.Language;

/// <summary>
/// What a channel told about the person who just spoke: their locale (Teams' <c>locale</c>, Slack's user locale) and time
/// zone (Teams' <c>localTimezone</c>, Slack's <c>tz</c>). Either may be missing; anything malformed, too long or unknown to
/// this machine is dropped here, so only a tidy BCP 47 tag and a known zone id are ever kept.
/// </summary>
public sealed record ChannelLocale
{
    public ChannelLocale(string? locale, string? timeZone)
    {
        Locale = Languages.Normalize(locale);
        TimeZone = ReaderZone.Normalize(timeZone);
    }

    /// <summary>A BCP 47 tag ("de-DE"), or null.</summary>
    public string? Locale { get; }

    /// <summary>An IANA time zone id ("Europe/Berlin"), or null.</summary>
    public string? TimeZone { get; }

    /// <summary>True when the channel told nothing usable.</summary>
    public bool IsEmpty => Locale is null && TimeZone is null;

    /// <summary>How this person is spoken to.</summary>
    public Wording Wording => Wording.For(Locale, TimeZone);
}
