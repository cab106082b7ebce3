using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Onboarding.Engine.Language;

/// <summary>
/// A sentence in no language yet: the name of a text in <c>Texts.resx</c> and its arguments, said in the reader's language
/// when it is shown (<see cref="Wording.Say(Phrase)"/>). What the flow keeps for later — a failure's reason, a routine's
/// summary, NetSuite's explanation of an error — is a phrase, so a card drawn later, for a reader of another language,
/// says it in theirs. Arguments are text shown as given (names, ids, NetSuite's own words), whole numbers, moments (said
/// with day, clock and zone in the reader's zone), dates, phrases, or a list of phrases (said one after the other,
/// separated as the language separates list items).
/// </summary>
public sealed class Phrase : IEquatable<Phrase>
{
    private static readonly IReadOnlyList<object> NoArguments = [];

    private Phrase(string? key, string? text, IReadOnlyList<object> arguments)
    {
        Key = key;
        Text = text;
        Arguments = arguments;
    }

    /// <summary>The text's name in <c>Texts.resx</c>; null for a <see cref="Verbatim"/> phrase.</summary>
    public string? Key { get; }

    /// <summary>Text said as it is, in whatever language it came in; null for a keyed phrase.</summary>
    public string? Text { get; }

    /// <summary>The values for the text's <c>{0}</c>, <c>{1}</c>…: strings, whole numbers, moments, dates, phrases or phrase lists.</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>The text named <paramref name="key"/> (use <c>nameof(Texts.…)</c>) with its arguments.</summary>
    public static Phrase Of(string key, params object[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var argument in arguments)
        {
            _ = argument switch
            {
                string or int or long or DateTimeOffset or DateOnly or Phrase or IReadOnlyList<Phrase> => argument,
                null => throw new ArgumentException($"Phrase {key}: an argument is null; pass text, a number or a phrase."),
                _ => throw new ArgumentException($"Phrase {key}: arguments are text, whole numbers or phrases, not {argument.GetType().Name}."),
            };
        }

        return new Phrase(key, null, arguments.Length == 0 ? NoArguments : [.. arguments.Select(a => a is int i ? (object)(long)i : a)]);
    }

    /// <summary>Text that is not ours to translate (NetSuite's own words), or was stored before phrases existed.</summary>
    public static Phrase Verbatim(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Phrase(null, text, NoArguments);
    }

    /// <summary>The stored form: compact JSON, <c>{"k":key,"a":[…]}</c> or <c>{"t":text}</c>.</summary>
    public string Encode() => ToJson(this).ToJsonString();

    /// <summary>
    /// A stored phrase. Text stored before phrases existed (plain English) comes back verbatim, so an old failure still
    /// reads as it did; null stays null.
    /// </summary>
    public static Phrase? Decode(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        if (stored.StartsWith("{\"k\":", StringComparison.Ordinal) || stored.StartsWith("{\"t\":", StringComparison.Ordinal))
        {
            try
            {
                return FromJson(JsonNode.Parse(stored));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                // Not one of ours after all: show it as it is rather than lose it.
            }
        }

        return Verbatim(stored);
    }

    public bool Equals(Phrase? other) => other is not null && Encode() == other.Encode();

    public override bool Equals(object? obj) => obj is Phrase other && Equals(other);

    public override int GetHashCode() => Encode().GetHashCode(StringComparison.Ordinal);

    /// <summary>For logs and test output: the key and arguments, never a language.</summary>
    public override string ToString() => Encode();

    private static JsonObject ToJson(Phrase phrase) => phrase.Key is null
        ? new JsonObject { ["t"] = phrase.Text }
        : new JsonObject { ["k"] = phrase.Key, ["a"] = new JsonArray([.. phrase.Arguments.Select(ArgumentToJson)]) };

    private static JsonNode ArgumentToJson(object argument) => argument switch
    {
        string text => JsonValue.Create(text),
        long number => JsonValue.Create(number),
        DateTimeOffset moment => new JsonObject { ["at"] = moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) },
        DateOnly date => new JsonObject { ["on"] = date.ToString("O", CultureInfo.InvariantCulture) },
        Phrase phrase => ToJson(phrase),
        IReadOnlyList<Phrase> list => new JsonArray([.. list.Select(p => (JsonNode)ToJson(p))]),
        _ => throw new InvalidOperationException($"Unexpected phrase argument {argument.GetType().Name}."),
    };

    private static Phrase FromJson(JsonNode? node)
    {
        var json = node as JsonObject ?? throw new FormatException("A stored phrase is a JSON object.");
        if (json["t"] is JsonValue text)
        {
            return Verbatim(text.GetValue<string>());
        }

        var key = json["k"]?.GetValue<string>() ?? throw new FormatException("A stored phrase has a key or a text.");
        var arguments = (json["a"] as JsonArray ?? []).Select(ArgumentFromJson).ToArray();
        return new Phrase(key, null, arguments);
    }

    private static object ArgumentFromJson(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => long.Parse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        JsonObject moment when moment["at"] is JsonValue at => DateTimeOffset.Parse(at.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        JsonObject day when day["on"] is JsonValue on => DateOnly.ParseExact(on.GetValue<string>(), "O", CultureInfo.InvariantCulture),
        JsonObject phrase => FromJson(phrase),
        JsonArray list => (IReadOnlyList<Phrase>)[.. list.Select(FromJson)],
        _ => throw new FormatException("A stored phrase argument is text, a number, a phrase or a list of phrases."),
    };
}
