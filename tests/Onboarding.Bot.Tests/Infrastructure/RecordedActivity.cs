using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>One call the bot made to the connector stand-in: a post (POST) or an update (PUT) of an activity.</summary>
/// <param name="Method">POST for a new message, PUT for an update in place.</param>
/// <param name="ConversationId">The conversation id from the URL, decoded.</param>
/// <param name="ActivityId">The id in the URL: the replied-to activity for a POST, the updated one for a PUT; null for a plain post.</param>
/// <param name="AssignedId">The id the stand-in answered with (for a PUT, the same as <paramref name="ActivityId"/>).</param>
/// <param name="Body">The activity as sent.</param>
public sealed record RecordedActivity(string Method, string ConversationId, string? ActivityId, string AssignedId, JsonObject Body)
{
    public bool IsUpdate => Method == HttpMethods.Put;

    /// <summary>The Cookie header the call carried; empty when none.</summary>
    public string Cookie { get; init; } = "";

    /// <summary>The W3C traceparent header the call carried (the sender's span); empty when none.</summary>
    public string TraceParent { get; init; } = "";

    /// <summary>Whether the sender recorded the span it names (the header's sampled flag, https://www.w3.org/TR/trace-context/#sampled-flag).</summary>
    public bool TraceSampled =>
        ActivityContext.TryParse(TraceParent, null, out var context) && context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded);

    /// <summary>The first Adaptive Card attached, or null.</summary>
    public JsonObject? AdaptiveCard => Body["attachments"]?.AsArray()
        .FirstOrDefault(a => (string?)a?["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();

    /// <summary>
    /// Every text in the card — each TextRun, and a paragraph of several runs also as one line — for assertions that read
    /// like what a person sees.
    /// </summary>
    public IReadOnlyList<string> CardTexts => AdaptiveCard is { } card ? [.. Texts(card)] : [];

    /// <summary>The card's buttons (the actions of every ActionSet), in order.</summary>
    public IReadOnlyList<JsonObject> Buttons => AdaptiveCard is { } card ? [.. ActionsIn(card)] : [];

    /// <summary>True when the card has a button titled <paramref name="title"/>.</summary>
    public bool HasButton(string title) => Buttons.Any(b => (string?)b["title"] == title);

    /// <summary>The address an <c>Action.OpenUrl</c> button titled <paramref name="title"/> opens.</summary>
    public Uri Link(string title) => new((string)Button(title, "Action.OpenUrl")["url"]!);

    /// <summary>The data an <c>Action.Submit</c> button titled <paramref name="title"/> sends (a copy).</summary>
    public JsonObject SubmitData(string title) => Button(title, "Action.Submit")["data"]!.DeepClone().AsObject();

    /// <summary>True when some text on the card contains <paramref name="text"/> (case-insensitive).</summary>
    public bool Shows(string text) => CardTexts.Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase));

    private JsonObject Button(string title, string type) =>
        Buttons.SingleOrDefault(b => (string?)b["title"] == title && (string?)b["type"] == type)
        ?? throw new InvalidOperationException($"No {type} button '{title}' on the card; buttons: {string.Join(", ", Buttons.Select(b => b["title"]))}.");

    private static IEnumerable<JsonObject> ActionsIn(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "ActionSet" => o["actions"]!.AsArray().OfType<JsonObject>(),
        JsonObject o => o.SelectMany(p => ActionsIn(p.Value)),
        JsonArray a => a.SelectMany(ActionsIn),
        _ => [],
    };

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] is "TextBlock" or "TextRun" => [(string?)o["text"] ?? string.Empty],
        JsonObject o when (string?)o["type"] == "RichTextBlock" && o["inlines"] is JsonArray { Count: > 1 } runs =>
            [string.Concat(runs.Select(r => (string?)r?["text"])), .. runs.SelectMany(Texts)],
        JsonObject o => o.SelectMany(p => p.Key is "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s]
            : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
