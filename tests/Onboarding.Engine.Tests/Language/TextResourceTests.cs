using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Onboarding.Engine.Tests.Language;

/// <summary>
/// The shipped translations, read from the satellite assemblies the build produces: every shipped language has every
/// English text, every translation keeps its text's placeholders, and the machine really has the culture data the
/// languages need.
/// </summary>
public sealed partial class TextResourceTests
{
    [Fact]
    public void Every_English_text_exists_in_every_shipped_language()
    {
        var english = English().Keys.ToList();

        foreach (var language in Languages.All.Where(l => l.Name != Languages.English.Name))
        {
            var missing = english.Except(Translated(language).Keys).Order().ToList();
            Assert.True(missing.Count == 0, $"Not in Texts.{language.Name}.resx: {string.Join(", ", missing)}");
        }

        Assert.Equal(["en", "de", "fr"], Languages.All.Select(l => l.Name));
    }

    [Fact]
    public void Every_translation_keeps_its_texts_placeholders_and_names_only_known_texts()
    {
        var english = English();
        var problems = new List<string>();
        foreach (var language in Languages.All.Skip(1))
        {
            foreach (var (key, text) in Translated(language))
            {
                if (!english.TryGetValue(key, out var original))
                {
                    problems.Add($"{language.Name}: {key} is no English text");
                }
                else if (!Placeholders(original).SetEquals(Placeholders(text)))
                {
                    problems.Add($"{language.Name}: {key} has {{{string.Join(",", Placeholders(text))}}}, English {{{string.Join(",", Placeholders(original))}}}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_button_title_fits_a_Teams_button_in_every_language()
    {
        // Teams does not wrap a button's title; past about 24 characters it is cut (docs/cards.md). Ids fill the placeholders.
        var tooLong = Languages.All
            .SelectMany(language => English().Keys.Where(k => k.StartsWith("Button_", StringComparison.Ordinal))
                .Select(key => (language.Name, key, Title: Wording.For(language.Name).Say(key, "1234567_SB1"))))
            .Where(b => b.Title.Length > 24)
            .Select(b => $"{b.Name} {b.key}: {b.Title}")
            .ToList();

        Assert.True(tooLong.Count == 0, string.Join(Environment.NewLine, tooLong));
    }

    [Fact]
    public void The_machine_has_real_culture_data_for_every_shipped_language()
    {
        // Under invariant globalization every culture formats as the invariant one; these would all read "10,000" and "Dec".
        var day = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal("10,000", Wording.For("en").Number(10_000));
        Assert.Equal("10.000", Wording.For("de-DE").Number(10_000));
        Assert.Equal("10\u202f000", Wording.For("fr-FR").Number(10_000));
        Assert.Equal("4. Dez. 2026", Wording.For("de").Date(day));
        Assert.Equal("4 déc. 2026", Wording.For("fr").Date(day));
    }

    [Fact]
    public void A_text_is_said_in_the_readers_language_and_in_English_in_any_other()
    {
        Assert.Equal("What I can do", Wording.For("en-US").Say(nameof(Texts.Help_Title)));
        Assert.Equal("Was ich kann", Wording.For("de-AT").Say(nameof(Texts.Help_Title)));
        Assert.Equal("Ce que je sais faire", Wording.For("fr-CA").Say(nameof(Texts.Help_Title)));
        Assert.Equal("Hash chain", Wording.For("es-ES").Say(nameof(Texts.Audit_Chain)));
        Assert.Equal("Chaîne de hachage", Wording.For("fr").Say(nameof(Texts.Audit_Chain)));
        Assert.Throws<InvalidOperationException>(() => Wording.English.Say("No_Such_Text"));
    }

    private static Dictionary<string, string> English() => Translated(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Translated(CultureInfo culture)
    {
        // tryParents: false reads only this language's own satellite assembly, never the English fallback.
        var set = Texts.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}': is its satellite assembly deployed?");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
