using System.Globalization;
using System.Text.RegularExpressions;

namespace Onboarding.Engine.Language;

/// <summary>
/// The languages the bot speaks and how a channel's locale picks one (docs/languages.md): English and German are complete,
/// French covers the onboarding card, the help and the welcome; anything missing in a language is said in English.
/// </summary>
public static partial class Languages
{
    /// <summary>Longest locale tag kept (BCP 47 tags in practice are far shorter: "en-US", "de-DE", "zh-Hant-TW").</summary>
    public const int MaxLocaleLength = 35;

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static CultureInfo German { get; } = CultureInfo.GetCultureInfo("de");

    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr");

    /// <summary>Every language shipped, English (the fallback) first; each has every text (a test checks it).</summary>
    public static IReadOnlyList<CultureInfo> All { get; } = [English, German, French];

    /// <summary>
    /// The shipped language for a locale tag as a channel sends it ("de-DE", "de_AT", "fr-CA", "EN"): its language part, or
    /// English when the tag is missing, malformed or names a language not shipped.
    /// </summary>
    public static CultureInfo Pick(string? locale) => Shipped(locale) ?? English;

    /// <summary>The shipped language a locale tag names, or null when it names none (or is malformed).</summary>
    public static CultureInfo? Shipped(string? locale)
    {
        if (Normalize(locale) is not { } tag)
        {
            return null;
        }

        var language = tag.Split('-')[0];
        return All.FirstOrDefault(c => c.TwoLetterISOLanguageName.Equals(language, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A locale tag fit to store: letters and digits in BCP 47's shape (a 2–8 letter language, then up to six subtags),
    /// underscores read as hyphens, at most <see cref="MaxLocaleLength"/> characters; null for anything else.
    /// </summary>
    public static string? Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var tag = locale.Trim().Replace('_', '-');
        return tag.Length <= MaxLocaleLength && LocaleTag().IsMatch(tag) ? tag : null;
    }

    [GeneratedRegex("^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,6}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LocaleTag();
}
