using System.Text.Json;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>
/// The <c>value</c> of a Block Kit button: the engine's verb and data as compact JSON (<c>{"verb":"…","data":{…}}</c>),
/// so a click comes back as the same command whichever renderer drew the button.
/// </summary>
internal sealed record SlackActionValue(string Verb, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>Slack's limit for a button's value.</summary>
    public const int MaxLength = 2000;

    public string Encode()
    {
        var json = JsonSerializer.Serialize(new Wire(Verb, Data), SlackJson.Options);
        if (json.Length > MaxLength)
        {
            // The engine controls verbs and data (ids, not prose): an oversized value is a bug, not input.
            throw new InvalidOperationException($"The action '{Verb}' carries {json.Length} characters of data; Slack allows {MaxLength}.");
        }

        return json;
    }

    public static SlackActionValue? TryDecode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(value, SlackJson.Options);
            return string.IsNullOrWhiteSpace(wire?.Verb) ? null : new SlackActionValue(wire.Verb, wire.Data ?? new Dictionary<string, string>());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Wire(string Verb, IReadOnlyDictionary<string, string>? Data);
}
