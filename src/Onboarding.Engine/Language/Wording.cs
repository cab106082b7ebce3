using System.Globalization;

namespace Onboarding.Engine.Language;

/// <summary>
/// How one reader is spoken to: the language texts are said in (<see cref="Languages"/>) and the time zone times are shown
/// in (<see cref="ReaderZone"/>). Every text a person sees is said through here, from <c>Texts.resx</c> and its
/// translations: a text missing in the reader's language is said in English, and a name that is no text at all is a bug
/// that throws — a resource name never reaches a screen. Times are relative and absolute ("in 58 min, 11:42 UTC"), and an
/// absolute time always names its zone.
/// </summary>
public sealed class Wording
{
    private const string LegacySaidPrefix = "NetSuite said: ";

    private Wording(CultureInfo culture, ReaderZone zone)
    {
        Culture = culture;
        Zone = zone;
    }

    /// <summary>English, times in UTC: for readers nothing is known about, and for tests.</summary>
    public static Wording English { get; } = new(Languages.English, ReaderZone.Utc);

    /// <summary>The shipped language texts are said in (<c>en</c>, <c>de</c>, <c>fr</c>).</summary>
    public CultureInfo Culture { get; }

    /// <summary>The language's name as views carry it: "en", "de", "fr".</summary>
    public string Language => Culture.Name;

    public ReaderZone Zone { get; }

    /// <summary>The wording for a locale and a person's time zone as a channel told them (either may be missing or unusable).</summary>
    public static Wording For(string? locale, string? personZone = null) => new(Languages.Pick(locale), ReaderZone.Pick(personZone, null));

    /// <summary>
    /// For a view about one tenant: times in the tenant's time zone when the person's own is not known (the person's always
    /// wins; an unknown tenant zone leaves UTC).
    /// </summary>
    public Wording ForTenant(string? tenantZone) =>
        Zone.Source == ZoneSource.Person || ReaderZone.Pick(null, tenantZone) is not { Source: ZoneSource.Tenant } zone ? this : new Wording(Culture, zone);

    /// <summary>The text named <paramref name="key"/> (use <c>nameof(Texts.…)</c>), its <c>{0}</c>… filled with <paramref name="arguments"/>.</summary>
    public string Say(string key, params object?[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var template = Texts.ResourceManager.GetString(key, Culture)
            ?? throw new InvalidOperationException($"There is no text named '{key}' in Texts.resx.");
        return arguments.Length == 0 ? template : string.Format(Culture, template, [.. arguments.Select(Argument)]);
    }

    /// <summary>A phrase in this reader's language (verbatim text as it is).</summary>
    public string Say(Phrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return phrase.Key is null ? phrase.Text! : Say(phrase.Key, [.. phrase.Arguments]);
    }

    /// <summary>Said when there is a phrase, else null.</summary>
    public string? SayIfAny(Phrase? phrase) => phrase is null ? null : Say(phrase);

    /// <summary>
    /// Small print with NetSuite's own words ("NetSuite said: INVALID_LOGIN (401)"), or null when it said nothing. Words stored
    /// before the prefix was said per language already carry the English one; it is not said twice.
    /// </summary>
    public string? NetSuiteSaid(string? said) => string.IsNullOrWhiteSpace(said)
        ? null
        : Say(nameof(Texts.NetSuite_Said), said.StartsWith(LegacySaidPrefix, StringComparison.Ordinal) ? said[LegacySaidPrefix.Length..] : said);

    /// <summary>Relative and absolute together: "in 58 min, 11:42 UTC"; "5 min ago, 10:37 Europe/Berlin"; "just now, 10:42 UTC".</summary>
    public string Around(DateTimeOffset at, DateTimeOffset now)
    {
        var delta = at - now;
        var relative = Math.Abs(delta.TotalSeconds) < 60
            ? Say(nameof(Texts.Time_JustNow))
            : delta > TimeSpan.Zero ? Say(nameof(Texts.Time_In), Span(delta)) : Say(nameof(Texts.Time_Ago), Span(-delta));
        return Say(nameof(Texts.Time_RelativeAndAbsolute), relative, Absolute(at, now));
    }

    /// <summary>
    /// "11:42 UTC" on the reader's today, "28 Nov 11:42 UTC" on another day, a date alone ("27 Nov 2028") further away than a
    /// month — in the reader's zone, which is named.
    /// </summary>
    public string Absolute(DateTimeOffset at, DateTimeOffset now)
    {
        var local = InZone(at);
        if (Math.Abs((at - now).TotalDays) > 31)
        {
            return local.ToString(Say(nameof(Texts.Time_DateFormat)), Culture);
        }

        var clock = local.ToString(local.Date == InZone(now).Date ? Say(nameof(Texts.Time_ClockFormat)) : Say(nameof(Texts.Time_DayAndClockFormat)), Culture);
        return Say(nameof(Texts.Time_WithZone), clock, Zone.Name);
    }

    /// <summary>A point in time with its day, whatever day it is read on: "28 Nov 11:42 UTC" (for what is stored and read later).</summary>
    public string Moment(DateTimeOffset at) =>
        Say(nameof(Texts.Time_WithZone), InZone(at).ToString(Say(nameof(Texts.Time_DayAndClockFormat)), Culture), Zone.Name);

    /// <summary>A calendar date for expiries, in the reader's zone: "27 Nov 2028", "27. Nov. 2028".</summary>
    public string Date(DateTimeOffset at) => InZone(at).ToString(Say(nameof(Texts.Time_DateFormat)), Culture);

    /// <summary>How long something lasted: "under a minute", "42 min", "4 h 10 min", "3 days" (whole minutes, cut, not rounded).</summary>
    public string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return Say(nameof(Texts.Span_UnderAMinute));
        }

        if (span < TimeSpan.FromHours(1))
        {
            return Say(nameof(Texts.Span_Minutes), (long)span.TotalMinutes);
        }

        if (span < TimeSpan.FromDays(2))
        {
            return span.Minutes == 0 ? Say(nameof(Texts.Span_Hours), (long)span.TotalHours) : Say(nameof(Texts.Span_HoursMinutes), (long)span.TotalHours, (long)span.Minutes);
        }

        return Say(nameof(Texts.Span_Days), (long)span.TotalDays);
    }

    /// <summary>A whole number as the reader writes it ("10,000", "10.000").</summary>
    public string Number(long value) => value.ToString("N0", Culture);

    /// <summary>"5 min", "1 h", "1 h 5 min", "3 days": rounded to the minute first, so 59.7 minutes reads "1 h", never "0 h 59 min".</summary>
    private string Span(TimeSpan span)
    {
        var minutes = Math.Max(1, (long)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero));
        return minutes < 60 ? Say(nameof(Texts.Span_Minutes), minutes)
            : minutes < 48 * 60 ? (minutes % 60 == 0 ? Say(nameof(Texts.Span_Hours), minutes / 60) : Say(nameof(Texts.Span_HoursMinutes), minutes / 60, minutes % 60))
            : Say(nameof(Texts.Span_Days), minutes / (24 * 60));
    }

    private DateTime InZone(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone.Zone).DateTime;

    private object? Argument(object? argument) => argument switch
    {
        Phrase phrase => Say(phrase),
        DateTimeOffset moment => Moment(moment),
        DateOnly date => date.ToString(Say(nameof(Texts.Time_DateFormat)), Culture),
        IReadOnlyList<Phrase> list => string.Join(Say(nameof(Texts.List_Separator)), list.Select(Say)),
        _ => argument,
    };
}
