using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Onboarding.Engine.Tests.Language;

/// <summary>
/// The shipped translations, read from the satellite assemblies the build produces: German has every English text,
/// French every text of the onboarding card, its notices and failures (NetSuite's errors and the role checks included),
/// the post-install routines, help, welcome and how it works, the OAuth callback page, cancelling, and an admin's
/// re-authorization with the certificate rotation it runs; every translation
/// keeps its text's placeholders; and the machine really has the culture data the languages need.
/// </summary>
public sealed partial class TextResourceTests
{
    /// <summary>
    /// What French covers: what a customer's admin meets from the chat to the browser — the onboarding card (steps,
    /// checklist, failures and NetSuite's errors, the chosen role's gaps, the post-install routines, buttons, notices), the
    /// help, the OAuth callback page, cancelling — and a re-authorization an admin signs in for, with the rotation it runs.
    /// </summary>
    private static readonly string[] FrenchCovers =
    [
        "Card_", "Checklist_", "Failure_", "Button_", "Notice_", "Help_", "Welcome_", "HowItWorks_", "Time_", "Span_", "List_",
        "NetSuite_", "Preflight_", "Routine_", "Callback_", "Account_", "Cancel_", "Reauthorization_", "Rotation_",
    ];

    [Fact]
    public void Every_English_text_exists_in_German()
    {
        var missing = English().Keys.Except(Translated(Languages.German).Keys).Order().ToList();

        Assert.True(missing.Count == 0, $"Not in Texts.de.resx: {string.Join(", ", missing)}");
    }

    [Fact]
    public void French_has_every_text_of_the_onboarding_card_and_the_help()
    {
        var needed = English().Keys.Where(k => FrenchCovers.Any(p => k.StartsWith(p, StringComparison.Ordinal)));

        var missing = needed.Except(Translated(Languages.French).Keys).Order().ToList();

        Assert.Contains("Card_AllDone", needed);
        Assert.Contains("Callback_Authorized", needed);
        Assert.True(missing.Count == 0, $"Not in Texts.fr.resx: {string.Join(", ", missing)}");
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
    public void A_text_is_said_in_the_readers_language_and_in_English_where_French_has_none()
    {
        Assert.Equal("What I can do", Wording.For("en-US").Say(nameof(Texts.Help_Title)));
        Assert.Equal("Was ich kann", Wording.For("de-AT").Say(nameof(Texts.Help_Title)));
        Assert.Equal("Ce que je sais faire", Wording.For("fr-CA").Say(nameof(Texts.Help_Title)));
        Assert.Equal(Wording.English.Say(nameof(Texts.Audit_Chain)), Wording.For("fr").Say(nameof(Texts.Audit_Chain)));
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
